"""The small drawings of the printed cards, as inline SVG: the kind icons and the effect strip.

The icons are the window's (``game.ui.draw.kind_icon``) redrawn as vectors: a coin with a minus
for a saving, a gear for an efficiency, a rising arrow for an investment, a lightning for an
event. They tell the kinds apart in black and white; the colour only repeats it.
"""

from __future__ import annotations

import math
from html import escape

from game.engine import Kind
from game.numbers import format_exact

KIND_COLORS: dict[Kind | None, str] = {
    Kind.SAVING: "#E69F00",
    Kind.EFFICIENCY: "#0072B2",
    Kind.INVESTMENT: "#009E73",
    None: "#8E5BA8",
}
"""The window's Okabe–Ito colours by kind (None: an event)."""
KIND_TINTS: dict[Kind | None, str] = {
    Kind.SAVING: "#FCEFD1",
    Kind.EFFICIENCY: "#D6E8F5",
    Kind.INVESTMENT: "#D1EEE4",
    None: "#EEE8F4",
}
INK = "#1C2430"
_LIGHTNING = "13.5,1.5 4,13.5 11,13.5 9.5,22.5 20,9.5 12.8,9.5"
GAIN = "#5C6470"
COST = "#FFFFFF"


def icon(kind: Kind | None, size_mm: float, color: str = INK) -> str:
    """The icon of ``kind`` (None: an event) as an SVG ``size_mm`` millimetres square."""
    body = {
        Kind.SAVING: (
            f'<circle cx="12" cy="12" r="10" fill="none" stroke="{color}" stroke-width="2.6"/>'
            f'<rect x="6.5" y="10.6" width="11" height="2.8" fill="{color}"/>'
        ),
        Kind.EFFICIENCY: _gear(color),
        Kind.INVESTMENT: (
            f'<rect x="2" y="19.5" width="20" height="2.5" fill="{color}"/>'
            f'<polyline points="2.5,17 9,10.5 13,14 19.5,5.5" fill="none" stroke="{color}" '
            'stroke-width="2.6" stroke-linejoin="round"/>'
            f'<polygon points="22,2.5 14.5,3.8 20.7,10" fill="{color}"/>'
        ),
        None: f'<polygon points="{_LIGHTNING}" fill="{color}"/>',
    }[kind]
    return (
        f'<svg class="icon" viewBox="0 0 24 24" width="{size_mm}mm" height="{size_mm}mm" '
        f'aria-hidden="true">{body}</svg>'
    )


def _gear(color: str) -> str:
    teeth = []
    for i in range(8):
        angle = i * math.pi / 4
        x = 12 + math.cos(angle) * 8.6
        y = 12 + math.sin(angle) * 8.6
        teeth.append(f'<circle cx="{x:.2f}" cy="{y:.2f}" r="2.4" fill="{color}"/>')
    return (
        "".join(teeth)
        + f'<circle cx="12" cy="12" r="8" fill="{color}"/>'
        + '<circle cx="12" cy="12" r="3.2" fill="#FFFFFF"/>'
    )


def effect_strip(
    amounts: list[float], labels: list[str], lang: str, width_mm: float, height_mm: float
) -> str:
    """A small bar strip: one bar per amount (up for a gain, down for a cost), its number
    above or below it and its label underneath, drawn ``width_mm`` × ``height_mm``. A gain is a
    filled bar and a cost an outlined one, so they differ in black and white too."""
    count = max(1, len(amounts))
    width, height = width_mm * 10, height_mm * 10  # units of 0.1 mm
    slot = width / count
    # the numbers as large as the strip allows (9,4 pt); a cost's number clear of the year under
    # it ("−2,5" stood on "år 1" in a printed card)
    label_h, number_h = 40.0, 34.0
    plot_top, plot_bottom = number_h, height - label_h - number_h
    has_cost = any(a < 0 for a in amounts)
    has_gain = any(a > 0 for a in amounts)
    if has_cost and has_gain:
        zero = plot_top + (plot_bottom - plot_top) * _share_up(amounts)
    elif has_cost:
        zero = plot_top
    else:
        zero = plot_bottom
    gain = max((a for a in amounts if a > 0), default=1.0)
    cost = max((-a for a in amounts if a < 0), default=1.0)
    scale_up = (zero - plot_top) / gain
    scale_down = (plot_bottom - zero) / cost
    parts = [
        f'<svg class="strip" viewBox="0 0 {width:.0f} {height:.0f}" width="{width_mm}mm" '
        f'height="{height_mm}mm" aria-hidden="true">',
        f'<line x1="0" y1="{zero:.1f}" x2="{width:.0f}" y2="{zero:.1f}" stroke="{INK}" '
        'stroke-width="3"/>',
    ]
    bar_w = min(slot * 0.55, 90.0)
    for index, amount in enumerate(amounts):
        middle = slot * (index + 0.5)
        left = middle - bar_w / 2
        if amount >= 0:
            top, bar_h = zero - amount * scale_up, amount * scale_up
            fill = GAIN
            number_y = top - 6
        else:
            top, bar_h = zero, -amount * scale_down
            fill = COST
            number_y = zero + bar_h + number_h - 4
        if bar_h > 0.05:
            parts.append(
                f'<rect x="{left:.1f}" y="{top:.1f}" width="{bar_w:.1f}" height="{bar_h:.1f}" '
                f'fill="{fill}" stroke="{INK}" stroke-width="4"/>'
            )
        text = format_exact(amount, lang, sign=True)  # as the ledger adds it up
        # a long amount (t. kr.: "+3.456,5") is pressed into its slot, never over the next,
        # and with a gap that reads as one (eight years of "+12,5" stood 0,5 mm apart)
        room = slot - max(14.0, slot * 0.12)
        fit = (
            f' textLength="{room:.1f}" lengthAdjust="spacingAndGlyphs"'
            if len(text) * 21.0 > room
            else ""
        )
        parts.append(
            f'<text x="{middle:.1f}" y="{number_y:.1f}" text-anchor="middle" '
            f'class="num"{fit}>{escape(text)}</text>'
        )
        label = labels[index] if index < len(labels) else ""
        parts.append(
            f'<text x="{middle:.1f}" y="{height - 6:.1f}" text-anchor="middle" '
            f'class="lab">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _share_up(amounts: list[float]) -> float:
    """The share of the plot above the zero line: in proportion to the largest gain and cost."""
    gain = max((a for a in amounts if a > 0), default=0.0)
    cost = max((-a for a in amounts if a < 0), default=0.0)
    return gain / (gain + cost) if gain + cost else 1.0
