"""The look of the board: one palette, one spacing scale, font roles and kind styling.

The palette is Okabe–Ito (safe for the common forms of colour blindness). A kind of proposal is
never told by colour alone: it always comes with an icon drawn from shapes and a word.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.engine.model import Kind

Color = tuple[int, int, int]

# Okabe–Ito
ORANGE: Color = (230, 159, 0)
SKY: Color = (86, 180, 233)
GREEN: Color = (0, 158, 115)
YELLOW: Color = (240, 228, 66)
BLUE: Color = (0, 114, 178)
VERMILLION: Color = (213, 94, 0)
PURPLE: Color = (204, 121, 167)

BACKGROUND: Color = (243, 240, 233)
PANEL: Color = (252, 251, 248)
CARD: Color = (255, 255, 255)
INK: Color = (28, 36, 48)
MUTED: Color = (92, 100, 112)
FAINT: Color = (200, 196, 188)
LINE: Color = (168, 164, 156)
SHADOW: Color = (214, 209, 199)
DISABLED: Color = (226, 223, 216)
ACCENT: Color = BLUE
SELECTED: Color = (20, 20, 20)
GAP: Color = VERMILLION
MET: Color = GREEN
TARGET: Color = INK
FAN: Color = (175, 207, 232)
CURRENT: Color = (228, 236, 243)
EVENT_TINT: Color = (238, 232, 244)
HEADER: Color = (32, 46, 66)
HEADER_INK: Color = (250, 250, 247)
WARNING: Color = (181, 66, 0)
OVERLAY_DIM: tuple[int, int, int, int] = (20, 24, 32, 150)

KIND_COLORS: dict[Kind, Color] = {
    Kind.SAVING: ORANGE,
    Kind.EFFICIENCY: BLUE,
    Kind.INVESTMENT: GREEN,
}
"""Kind → colour. Always paired with ``draw_kind_icon`` and the kind's word."""

KIND_TINTS: dict[Kind, Color] = {
    Kind.SAVING: (252, 239, 209),
    Kind.EFFICIENCY: (214, 232, 245),
    Kind.INVESTMENT: (209, 238, 228),
}

FONT_REGULAR = "regular"
FONT_BOLD = "bold"
FONT_FILES: dict[str, str] = {FONT_REGULAR: "NotoSans-Regular.ttf", FONT_BOLD: "NotoSans-Bold.ttf"}


@dataclass(frozen=True)
class Scale:
    """Sizes derived from the window height: text sizes and the spacing scale in pixels."""

    height: int

    @property
    def min_text(self) -> int:
        """The smallest text allowed anywhere: 1/45 of the window height (rounded up)."""
        return max(10, math.ceil(self.height / 45))

    @property
    def body(self) -> int:
        """Normal reading text."""
        return max(self.min_text, round(self.height / 40))

    @property
    def heading(self) -> int:
        """Panel headings."""
        return max(self.min_text + 2, round(self.height / 30))

    @property
    def title(self) -> int:
        """The big numbers and screen titles."""
        return max(self.min_text + 4, round(self.height / 20))

    @property
    def gap(self) -> int:
        """The basic spacing unit."""
        return max(4, round(self.height / 90))

    @property
    def radius(self) -> int:
        """Corner radius of cards and panels."""
        return max(4, round(self.height / 80))


def kind_color(kind: Kind) -> Color:
    """The colour of a kind of proposal."""
    return KIND_COLORS[kind]


def mix(a: Color, b: Color, t: float) -> Color:
    """Blend colour ``a`` towards ``b`` by ``t`` (0 = a, 1 = b)."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )
