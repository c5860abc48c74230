"""Charts as inline SVG text: bars per year against a target, lines, and horizontal bars.

No scripts, no external fonts or images: the text inherits the page's font. Every chart has a
``<title>`` for screen readers and is drawn with the Okabe–Ito palette of the board.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import NamedTuple

from game.numbers import format_against, format_amount

INK = "#1c2430"
MUTED = "#5c6470"
GRID = "#d8d4cc"
MET = "#009e73"
MISSED = "#d55e00"
OPEN = "#a7adb5"
ACTUAL_DARK = "#004b75"
"""The palette's blue darkened, for what happened beside the worst 10 % (vermillion): their
greys are far apart in a black-and-white print (about 57 and 119 of 255)."""
"""An open year's bar: not closed yet, so neither met nor missed."""
PALETTE = (
    "#0072b2",
    "#e69f00",
    "#009e73",
    "#cc79a7",
    "#56b4e9",
    "#d55e00",
    "#8a7a00",
    "#882255",
)
"""Okabe–Ito colours for series, with wine for its black (the target line is black); a ninth
series starts over with a dashed line."""


@dataclass(frozen=True)
class Series:
    """One named row of values, drawn in ``color``; with ``dash`` a line is dashed and a bar
    striped (told apart from a bar of a colour that prints as the same grey)."""

    label: str
    values: Sequence[float]
    color: str
    dash: bool = False
    end: str = ""
    """A word at the line's last point when it ends before the last category ("stoppet": a
    table that stopped; its line just ended, and read as a table still playing)."""


MARKERS = (
    "circle",
    "square",
    "triangle",
    "diamond",
    "triangle-down",
    "ring",
    "open-square",
    "open-diamond",
)
"""The mark at every point of a line chart's series, one shape per series in turn (as many as
``PALETTE`` has colours): printed in black and white, eight tables' lines are told apart by
their marks, not only by colours that turn into close greys."""

MARK_R = 4.0
"""A mark's radius (half its width) in the SVG's units."""


class Key(NamedTuple):
    """One entry of a chart's legend: its words, colour, how it is drawn ('box', 'line',
    'dash' or 'dots') and, for a line, the mark at its points (one of ``MARKERS``; "" none)."""

    label: str
    color: str
    shape: str
    marker: str = ""


def mark(shape: str, x: float, y: float, color: str) -> str:
    """The SVG of one mark of ``MARKERS`` centred on (x, y); an open mark is white inside."""
    r = MARK_R
    hollow = shape.startswith("open-") or shape == "ring"
    paint = f'fill="#ffffff" stroke="{color}" stroke-width="2"' if hollow else f'fill="{color}"'
    if shape in ("circle", "ring"):
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {paint}/>'
    if shape in ("square", "open-square"):
        side = r * 1.7
        return (
            f'<rect x="{x - side / 2:.1f}" y="{y - side / 2:.1f}" width="{side:.1f}" '
            f'height="{side:.1f}" {paint}/>'
        )
    if shape in ("diamond", "open-diamond"):
        d = r * 1.25
        corners = [(x, y - d), (x + d, y), (x, y + d), (x - d, y)]
    elif shape == "triangle":
        corners = [(x, y - r * 1.2), (x + r * 1.15, y + r * 0.8), (x - r * 1.15, y + r * 0.8)]
    elif shape == "triangle-down":
        corners = [(x, y + r * 1.2), (x + r * 1.15, y - r * 0.8), (x - r * 1.15, y - r * 0.8)]
    else:
        raise ValueError(f"unknown mark {shape!r}")
    points = " ".join(f"{px:.1f},{py:.1f}" for px, py in corners)
    return f'<polygon points="{points}" {paint}/>'


STRIPE = (4.0, 2.5)
"""A striped bar's stripes: coloured, then white (the SVG's units, across the stripes)."""


def stripes_id(color: str) -> str:
    """The id of the stripe pattern in ``color`` that a chart with striped bars defines."""
    return "stripes-" + color.lstrip("#").lower()


def _stripes(color: str) -> str:
    ink, gap = STRIPE
    return (
        f'<pattern id="{stripes_id(color)}" patternUnits="userSpaceOnUse" '
        f'width="{ink + gap:.1f}" height="{ink + gap:.1f}" patternTransform="rotate(45)">'
        f'<rect width="{ink + gap:.1f}" height="{ink + gap:.1f}" fill="#ffffff"/>'
        f'<rect width="{ink:.1f}" height="{ink + gap:.1f}" fill="{color}"/></pattern>'
    )


def stripes_css(color: str) -> str:
    """The CSS background of a legend swatch striped like a bar in ``color``."""
    ink, gap = STRIPE
    return (
        f"repeating-linear-gradient(135deg, {color} 0 {ink * 0.5:g}px, "
        f"#ffffff {ink * 0.5:g}px {(ink + gap) * 0.5:g}px)"
    )


def _stripe_defs(parts: list[str], colors: set[str]) -> None:
    """Define the stripe pattern of each of ``colors`` in the chart ``parts`` (none: nothing)."""
    if colors:
        parts.append("<defs>" + "".join(_stripes(c) for c in sorted(colors)) + "</defs>")


def _fill(color: str, striped: bool) -> str:
    """A shape's paint: ``color``, or white and ``color`` stripes with a ``color`` edge."""
    if striped:
        return f'fill="url(#{stripes_id(color)})" stroke="{color}" stroke-width="1"'
    return f'fill="{color}"'


def series_color(index: int) -> tuple[str, bool]:
    """The colour of series ``index`` and whether it is dashed."""
    return PALETTE[index % len(PALETTE)], index >= len(PALETTE)


def nice_ticks(low: float, high: float, count: int = 5, *, whole: bool = False) -> list[float]:
    """Round tick values that cover [low, high] (always including 0 when in range); with
    ``whole`` (a measure in whole steps, as the service level) every tick is a whole number."""
    if high <= low:
        high = low + 1.0
    raw = (high - low) / max(1, count)
    magnitude = 10 ** math.floor(math.log10(raw))
    steps = (1, 2, 5, 10) if whole else (1, 2, 2.5, 5, 10)
    step = next(m * magnitude for m in steps if m * magnitude >= raw)
    if whole:
        step = max(1.0, float(round(step)))
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step * 1e-6:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


class _Axis:
    """Maps values to y pixels between ``top`` and ``bottom``."""

    def __init__(
        self, values: Sequence[float], top: float, bottom: float, *, whole: bool = False
    ) -> None:
        low = min(0.0, *values) if values else 0.0
        high = max(0.0, *values) if values else 1.0
        self.ticks = nice_ticks(low, high, whole=whole)
        self.low, self.high = self.ticks[0], self.ticks[-1]
        self.top, self.bottom = top, bottom

    def y(self, value: float) -> float:
        span = self.high - self.low or 1.0
        return self.bottom - (value - self.low) / span * (self.bottom - self.top)


LABEL_HEIGHT = 13
"""The height of a value written over a bar (the charts' font size), in the SVG's units."""


def _open(width: int, height: int, title: str) -> list[str]:
    return [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'preserveAspectRatio="xMidYMid meet" font-size="{LABEL_HEIGHT}">',
        f"<title>{escape(title)}</title>",
    ]


def _grid(parts: list[str], axis: _Axis, left: float, right: float, lang: str) -> None:
    for tick in axis.ticks:
        y = axis.y(tick)
        stroke = INK if tick == 0 else GRID
        parts.append(
            f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{right:.1f}" y2="{y:.1f}" '
            f'stroke="{stroke}" stroke-width="{1.2 if tick == 0 else 0.8}"/>'
        )
        parts.append(
            f'<text x="{left - 6:.1f}" y="{y + 4:.1f}" text-anchor="end" fill="{MUTED}">'
            f"{escape(format_amount(tick, lang))}</text>"
        )


def _edges(width: int) -> tuple[float, float]:
    """The left and right edge of a chart's plot ``width`` wide."""
    return 56.0, width - 14.0


def _frame(
    width: int,
    height: int,
    title: str,
    values: Sequence[float],
    lang: str,
    *,
    whole: bool = False,
    below: float = 34.0,
) -> tuple[list[str], _Axis, float, float]:
    """The opening of a chart with a value axis: its parts, the axis, left and right edge;
    ``below``: the room under the plot for the categories' names."""
    left, right = _edges(width)
    axis = _Axis(values, 34.0, height - below, whole=whole)
    parts = _open(width, height, title)
    _grid(parts, axis, left, right, lang)
    return parts, axis, left, right


LEGEND_ROW = 18.0
"""The height of one row of a chart's legend (px of the viewBox)."""


def _close(
    parts: list[str],
    legend: Sequence[Key],
    left: float,
    width: int,
    height: int,
) -> str:
    """The legend above the plot, then the end of the SVG. A legend wider than the chart
    wraps into more rows, and the plot moves down by the rows added (the chart grows), so
    no label of an eight-table comparison is cut off."""
    rows = _legend_rows(legend, left, width - 14.0)
    extra = LEGEND_ROW * (len(rows) - 1)
    if extra > 0:
        parts[0] = _open(width, round(height + extra), "")[0]
        parts[2:] = [f'<g transform="translate(0 {extra:.0f})">', *parts[2:], "</g>"]
    for index, row in enumerate(rows):
        _legend(parts, row, left, LEGEND_ROW * (index + 1))
    parts.append("</svg>")
    return "\n".join(parts)


def _legend_width(label: str) -> float:
    """The width one legend entry takes (its mark, its label and the gap after it)."""
    return 24 + 7.2 * len(label) + 22


def _legend_rows(items: Sequence[Key], left: float, right: float) -> list[list[Key]]:
    """The legend entries in rows that fit between ``left`` and ``right`` (one at least)."""
    rows: list[list[Key]] = [[]]
    x = left
    for item in items:
        needed = _legend_width(item[0])
        if rows[-1] and x + needed - 22 > right:
            rows.append([])
            x = left
        rows[-1].append(item)
        x += needed
    return rows


def _legend(parts: list[str], items: Sequence[Key], x: float, y: float) -> None:
    """Legend entries (``Key``) in one row from (x, y); a line's mark sits on its middle, and
    a "stripes" box uses the chart's stripe pattern (``stripes_id``)."""
    for label, color, shape, marker in items:
        if shape in ("box", "stripes"):
            paint = _fill(color, shape == "stripes")
            parts.append(f'<rect x="{x:.1f}" y="{y - 10:.1f}" width="12" height="12" {paint}/>')
        else:
            dash = {"dash": ' stroke-dasharray="5 3"', "dots": ' stroke-dasharray="2 4"'}.get(
                shape, ""
            )
            parts.append(
                f'<line x1="{x:.1f}" y1="{y - 4:.1f}" x2="{x + 18:.1f}" y2="{y - 4:.1f}" '
                f'stroke="{color}" stroke-width="3"{dash}/>'
            )
            if marker:
                parts.append(mark(marker, x + 9, y - 4, color))
        parts.append(f'<text x="{x + 24:.1f}" y="{y:.1f}" fill="{INK}">{escape(label)}</text>')
        x += _legend_width(label)


LETTER_W = 7.6
"""A letter's width at ``LABEL_HEIGHT`` on the wide side (the SVG's units): what a label is
measured by. Danish titles in DejaVu Sans take 7,0–7,4 (at 7,2 a title of 41 letters began
outside the chart: "gital døgnpleje med …")."""
PRESSED_MOST = 0.8
"""A line may be pressed together to this share of its width and stay readable; a longer one
is shortened with "…" first (a long table name was pressed to a third and could not be read)."""


def _text_width(text: str) -> float:
    return LETTER_W * len(text)


def closing_mark(label: str) -> tuple[str, str]:
    """A table's label split before its closing mark: ("Bord 6 – Søby", " (papir)"), ("Bord
    5", " (2, kopi)"); (label, "") without one. Where a long name is shortened, the mark is
    kept whole: it tells a paper table from a laptop's."""
    if label.endswith(")") and " (" in label:
        at = label.rindex(" (")
        return label[:at], label[at:]
    return label, ""


def shortened_to(text: str, room: float, *, keep_marker: bool = False) -> str:
    """``text`` shortened with "…" at a word where it can be, to what ``room`` holds pressed
    to ``PRESSED_MOST``; ``keep_marker``: a closing "(papir)" stays whole and the words before
    it are shortened ("Bord 6 – Grønnegårdens…" lost the mark that it was a paper table)."""
    most = int(room / (LETTER_W * PRESSED_MOST))
    if len(text) <= most:
        return text
    marker = ""
    if keep_marker:
        text, marker = closing_mark(text)
        most -= len(marker)
    if most < 2:
        return (text + marker)[: max(1, int(room / (LETTER_W * PRESSED_MOST)) - 1)] + "…"
    cut = text[: most - 1]
    if " " in cut and cut.rindex(" ") >= most // 2:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,–-") + "…" + marker


def _label_lines(text: str, slot: float) -> list[str]:
    """A category's name as the lines it is drawn in under its bars, each shortened with "…"
    to what the slot holds pressed (``shortened_to``): one line when it fits, else two split
    at the space nearest the middle, the "(papir)" of a paper table kept in the last; three,
    with the mark on a line of its own, where two would cut the name ("Bord 8 –" / "Hor…
    (papir)" of "Bord 8 – Horsens (papir)") and three keep it whole."""
    room = slot - 6
    width = _text_width
    if width(text) <= room or " " not in text:
        return [shortened_to(text, room, keep_marker=True)]

    def halves(words: str) -> list[str]:
        if " " not in words:
            return [words]
        middle = len(words) / 2
        cut = min((i for i, ch in enumerate(words) if ch == " "), key=lambda i: abs(i - middle))
        return [words[:cut], words[cut + 1 :]]

    def whole(lines: list[str]) -> bool:
        return all(shortened_to(line, room, keep_marker=True) == line for line in lines)

    lines = halves(text)
    name, marker = closing_mark(text)
    three = [*halves(name), marker.strip()]
    if not whole(lines) and marker and " " in name and whole(three):
        lines = three
    last = len(lines) - 1
    return [shortened_to(line, room, keep_marker=i == last) for i, line in enumerate(lines)]


LABEL_LINE = 14.0
"""The distance (px of the viewBox) between the lines of a category's name."""


def _category_label(text: str, x: float, height: int, slot: float) -> str:
    """A category's name under its bars (``_label_lines``), kept inside its slot and pressed
    together a little when a line is still too wide (eight tables' names ran into each
    other): one line at ``height`` − 10, more with the last at ``height`` − 6."""
    room = slot - 6
    lines = _label_lines(text, slot)
    y0 = height - 10 if len(lines) == 1 else height - 6 - LABEL_LINE * (len(lines) - 1)
    out = []
    for n, line in enumerate(lines):
        fit = (
            f' textLength="{room:.1f}" lengthAdjust="spacingAndGlyphs"'
            if _text_width(line) > room
            else ""
        )
        out.append(
            f'<text x="{x:.1f}" y="{y0 + LABEL_LINE * n:.1f}" text-anchor="middle" '
            f'fill="{INK}"{fit}>{escape(line)}</text>'
        )
    return "".join(out)


def bars_against_target(
    categories: Sequence[str],
    series: Sequence[Series],
    target: Sequence[float] | None,
    *,
    title: str,
    target_label: str,
    lang: str = "da",
    met_colors: tuple[str, str] | None = None,
    width: int = 720,
    height: int = 300,
    whole: bool = False,
    open_from: int | None = None,
    open_label: str = "",
    played: int | None = None,
) -> str:
    """Grouped vertical bars per category with the target as a black step per category.

    With ``met_colors`` (one series only; the legend words for met and missed) a bar is green
    when it reaches the target and striped vermillion when it does not (a grey print tells
    them apart), and its value is written above it. Categories from ``open_from`` on (the
    years of an unfinished game not closed yet) are grey and neither met nor missed, with
    ``open_label`` in the legend: an open year's bar is what the adopted cards give so far,
    not a result. Categories from ``played`` on (the years a paper table never played) have
    their target and no bar.
    """
    values = [v for s in series for v in s.values[:played]] + list(target or [])
    left, right = _edges(width)
    slot = (right - left) / max(1, len(categories))
    # a name on three lines takes a line more under the plot, and the chart grows by it
    lines = max((len(_label_lines(c, slot)) for c in categories), default=1)
    extra = LABEL_LINE * max(0, lines - 2)
    height = round(height + extra)
    parts, axis, left, right = _frame(
        width, height, title, values, lang, whole=whole, below=34.0 + extra
    )
    # a missed year is striped: green and vermillion print as one grey
    striped = {s.color for s in series if s.dash} if met_colors is None else {MISSED}
    _stripe_defs(parts, striped)
    bar = min(slot * 0.7 / max(1, len(series)), 90.0)
    zero = axis.y(0.0)

    def label(value: float, c: int) -> str:  # next to the target: a miss must look like one
        return (
            format_amount(value, lang) if target is None else format_against(value, target[c], lang)
        )

    labels: list[str] = []  # drawn last, over the target lines
    for c, category in enumerate(categories):
        x0 = left + c * slot + (slot - bar * len(series)) / 2
        for s_index, s in enumerate(series):
            if played is not None and c >= played:
                continue
            value = s.values[c]
            color = s.color
            still_open = open_from is not None and c >= open_from
            if met_colors is not None and target is not None:
                color = OPEN if still_open else MET if value >= target[c] - 1e-9 else MISSED
            y = axis.y(value)
            x = x0 + s_index * bar
            stripes = color in striped and (s.dash or met_colors is not None)
            paint = _fill(color, stripes)
            parts.append(
                f'<rect x="{x:.1f}" y="{min(y, zero):.1f}" width="{bar * 0.92:.1f}" '
                f'height="{abs(zero - y):.1f}" {paint}/>'
            )
            if met_colors is not None:
                # at its own bar (above the target line it read as the target's value), with
                # a white halo; where the target line would run through it (a printed report
                # read "2,9" struck out), inside the top of the bar in white, or above the
                # line when the bar is too short to hold it
                label_y = (min(y, zero) - 5) if value >= 0 else (max(y, zero) + 15)
                ink, halo = INK, ' stroke="#ffffff" stroke-width="4" paint-order="stroke"'
                line_y = axis.y(target[c]) if target is not None else None
                struck = line_y is not None and label_y - LABEL_HEIGHT - 2 <= line_y <= label_y + 4
                if value >= 0 and line_y is not None and struck:
                    if zero - y >= LABEL_HEIGHT + 8:
                        label_y = y + LABEL_HEIGHT + 3
                        if not stripes:  # on stripes, ink with its white halo reads best
                            ink, halo = "#ffffff", ""
                    else:
                        label_y = line_y - 5
                labels.append(
                    f'<text x="{x + bar * 0.46:.1f}" y="{label_y:.1f}" text-anchor="middle" '
                    f'font-weight="bold" fill="{ink}"{halo}>{escape(label(value, c))}</text>'
                )
        if target is not None:
            ty = axis.y(target[c])
            parts.append(
                f'<line x1="{left + c * slot + 4:.1f}" y1="{ty:.1f}" '
                f'x2="{left + (c + 1) * slot - 4:.1f}" y2="{ty:.1f}" stroke="{INK}" '
                f'stroke-width="3"/>'
            )
        parts.append(_category_label(category, left + (c + 0.5) * slot, height, slot))
    parts.extend(labels)
    legend: list[Key] = []
    if met_colors is None:
        legend += [Key(s.label, s.color, "stripes" if s.dash else "box") for s in series]
    else:
        legend += [Key(met_colors[0], MET, "box"), Key(met_colors[1], MISSED, "stripes")]
        if open_from is not None and open_from < min(len(categories), played or len(categories)):
            legend.append(Key(open_label, OPEN, "box"))
    if target is not None:
        legend.append(Key(target_label, INK, "line"))
    return _close(parts, legend, left, width, height)


def line_chart(
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    title: str,
    lang: str = "da",
    target: Sequence[float] | None = None,
    target_label: str = "",
    width: int = 720,
    height: int = 260,
    floor: float | None = None,
    floor_label: str = "",
    whole: bool = False,
) -> str:
    """Lines with marks over the categories, an optional target as a thick line and an
    optional ``floor`` (the service floor) as a dotted black line; ``whole`` for a measure
    in whole steps (the service level): whole-number ticks. Series ``i`` is marked with
    ``MARKERS[i]`` at its points and in the legend, so that a black-and-white print tells the
    lines apart."""
    values = [v for s in series for v in s.values] + list(target or [])
    if floor is not None:
        values.append(floor)
    parts, axis, left, right = _frame(width, height, title, values, lang, whole=whole)
    if floor is not None:
        y = axis.y(floor)
        parts.append(
            f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{right:.1f}" y2="{y:.1f}" '
            f'stroke="{INK}" stroke-width="2" stroke-dasharray="2 4"/>'
        )
    slot = (right - left) / max(1, len(categories))

    def x_of(i: int) -> float:
        return left + (i + 0.5) * slot

    rows = list(series)
    if target is not None:
        rows.append(Series(target_label, target, INK))
    for index, s in enumerate(rows):
        is_target = target is not None and index == len(rows) - 1
        points = " ".join(f"{x_of(i):.1f},{axis.y(v):.1f}" for i, v in enumerate(s.values))
        dash = ' stroke-dasharray="6 4"' if s.dash else ""
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{s.color}" '
            f'stroke-width="{3.5 if is_target else 2.5}"{dash}/>'
        )
        if not is_target:
            marker = MARKERS[index % len(MARKERS)]
            for i, v in enumerate(s.values):
                parts.append(mark(marker, x_of(i), axis.y(v), s.color))
            if s.end and s.values and len(s.values) < len(categories):
                last = len(s.values) - 1
                parts.append(
                    f'<text x="{x_of(last) + 7:.1f}" y="{axis.y(s.values[-1]) + 4:.1f}" '
                    f'fill="{s.color}" font-weight="700">{escape(s.end)}</text>'
                )
    for i, category in enumerate(categories):
        parts.append(
            f'<text x="{x_of(i):.1f}" y="{height - 10:.1f}" text-anchor="middle" '
            f'fill="{INK}">{escape(category)}</text>'
        )
    legend = [
        Key(s.label, s.color, "dash" if s.dash else "line", MARKERS[index % len(MARKERS)])
        for index, s in enumerate(series)
    ]
    if target is not None:
        legend.append(Key(target_label, INK, "line"))
    if floor is not None and floor_label:
        legend.append(Key(floor_label, INK, "dots"))
    return _close(parts, legend, left, width, height)


def horizontal_bars(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    maximum: float,
    colors: Sequence[str] | None = None,
    striped: Sequence[bool] | None = None,
    value_labels: Sequence[str] | None = None,
    width: int = 720,
    row: int = 20,
    label_width: int = 300,
) -> str:
    """One horizontal bar per label, scaled to ``maximum``, with its value at the end.
    ``striped[i]``: bar ``i`` is drawn in white and colour stripes, so that two colours that
    print as one grey (blue and green) still differ on a black-and-white page."""
    height = int(row * len(labels) + 12)
    parts = _open(width, height, title)
    _stripe_defs(
        parts, {colors[i] if colors else PALETTE[0] for i, s in enumerate(striped or []) if s}
    )
    left, right = float(label_width), width - 60.0
    for i, (label, value) in enumerate(zip(labels, values)):
        y = 6 + i * row
        shown = shortened_to(label, (left - 8) * PRESSED_MOST)  # not pressed: shortened
        parts.append(
            f'<text x="{left - 8:.1f}" y="{y + row * 0.7:.1f}" text-anchor="end" '
            f'fill="{INK}">{escape(shown)}</text>'
        )
        length = (right - left) * (value / maximum if maximum else 0.0)
        color = colors[i] if colors else PALETTE[0]
        paint = _fill(color, bool(striped and striped[i]))
        parts.append(
            f'<rect x="{left:.1f}" y="{y + 3:.1f}" width="{max(0.0, length):.1f}" '
            f'height="{row - 6:.1f}" {paint}/>'
        )
        text = value_labels[i] if value_labels else f"{value:g}"
        parts.append(
            f'<text x="{left + max(0.0, length) + 6:.1f}" y="{y + row * 0.7:.1f}" '
            f'fill="{INK}">{escape(text)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
