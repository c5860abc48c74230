"""The look of the board: one palette, one spacing scale, font roles and kind styling.

The palette is Okabe–Ito (safe for the common forms of colour blindness). A kind of proposal is
never told by colour alone: it always comes with an icon drawn from shapes and a word.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import cache

from game.engine import Kind

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

TIGHT = 0.86
"""Line spacing of tight text: about 1.2 × the font size instead of the font's 1.4 ×."""

FONT_REGULAR = "regular"
FONT_BOLD = "bold"
FONT_FILES: dict[str, str] = {FONT_REGULAR: "NotoSans-Regular.ttf", FONT_BOLD: "NotoSans-Bold.ttf"}


Size = int | str
"""A text size: pixels, or the name of one of ``Scale``'s sizes ("min_text", "body",
"heading", "title"), which follow the window height."""


@dataclass(frozen=True)
class TextStyle:
    """How a text is drawn, as one value: size, colour, font, alignment and wrapping.

    ``size`` and ``shrink_to`` are pixels or ``Scale`` size names ("body"); a text that does not
    fit its box shrinks step by step down to ``shrink_to`` (None: never), then its last line is
    cut with "…". ``max_lines`` limits the lines (None: as many as fit). Variants are made with
    the short methods below (``BODY.bold().middle()``); each variant is made once and kept.
    """

    size: Size = "body"
    color: Color = INK
    font: str = FONT_REGULAR
    align: str = "left"  # left | center | right
    valign: str = "top"  # top | middle | bottom
    max_lines: int | None = None
    shrink_to: Size | None = None
    spacing: float = 1.0
    """Line height as a share of the font's own line size (1.0: the font's; ``TIGHT``: the
    closer lines of a small card)."""

    def but(self, **changes: object) -> TextStyle:
        """This style with ``changes`` (field=value)."""
        return _variant(self, tuple(sorted(changes.items())))

    def ink(self, color: Color) -> TextStyle:
        """In ``color``."""
        return self.but(color=color)

    def sized(self, size: Size) -> TextStyle:
        """At ``size``."""
        return self.but(size=size)

    def bold(self, bold: bool = True) -> TextStyle:
        """In the bold font (or the regular one with ``bold=False``)."""
        return self.but(font=FONT_BOLD if bold else FONT_REGULAR)

    def center(self) -> TextStyle:
        """Centred across the box."""
        return self.but(align="center")

    def right(self) -> TextStyle:
        """Against the right edge of the box."""
        return self.but(align="right")

    def middle(self) -> TextStyle:
        """Centred from top to bottom of the box."""
        return self.but(valign="middle")

    def bottom(self) -> TextStyle:
        """Against the bottom of the box."""
        return self.but(valign="bottom")

    def lines(self, count: int | None) -> TextStyle:
        """At most ``count`` lines."""
        return self.but(max_lines=count)

    def shrink(self, to: Size | None = "min_text") -> TextStyle:
        """Shrinks down to ``to`` (the smallest text allowed, unless told) before cutting."""
        return self.but(shrink_to=to)

    def tight(self) -> TextStyle:
        """With closer lines (``TIGHT``), for the small cards on the table."""
        return self.but(spacing=TIGHT)


@dataclass(frozen=True)
class FieldStyle:
    """Colours and spacing of a text field."""

    background: Color = CARD
    text: Color = INK
    placeholder: Color = MUTED
    border: Color = LINE
    focus_border: Color = ACCENT
    selection: Color = FAN
    cursor: Color = INK
    counter: Color = MUTED
    counter_full: Color = WARNING
    radius: int = 8
    padding: int = 10
    border_width: int = 2


@cache
def _variant(style: TextStyle, changes: tuple[tuple[str, object], ...]) -> TextStyle:
    return replace(style, **dict(changes))  # type: ignore[arg-type]


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

    def px(self, size: Size) -> int:
        """``size`` in pixels (a name such as "body" is looked up here)."""
        if isinstance(size, str):
            value: int = getattr(self, size)
            return value
        return size

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


TINY = TextStyle("min_text")
"""The smallest text: notes, list rows, captions."""
BODY = TextStyle("body")
"""Reading text."""
HEADING = TextStyle("heading", font=FONT_BOLD)
"""A panel's heading."""
TITLE = TextStyle("title", font=FONT_BOLD)
"""A screen's title and the big numbers."""
