"""Charts of the board and the debrief, drawn straight onto a pygame surface.

Every function takes the surface, the rectangle to draw in, the data and the fonts, and draws
nothing outside the rectangle. Nothing is told by colour alone: met years carry a check mark,
missed years a cross, gaps are hatched, negative amounts point down. Text is never smaller than
1/45 of the surface height (``Scale.min_text``), so a projector audience can read it; amounts
are formatted the Danish way by ``game.numbers.format_amount``. The cards' sparkline and the
board's pips are ``game.ui.draw.effect_bars`` and ``game.ui.draw.pips``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.content.glyphs import drawable
from game.messages import catalogue
from game.numbers import format_against, format_target
from game.ui import theme
from game.ui.fonts import Fonts
from game.ui.theme import FONT_BOLD, FONT_REGULAR, Color, Scale

Fan = tuple[Sequence[float], Sequence[float], Sequence[float]]
"""(p10, p50, p90) per year."""


def _t(lang: str, key: str, **params: object) -> str:
    return catalogue(lang).t(key, **params)


def _scale(surface: pygame.Surface, scale: Scale | None) -> Scale:
    return scale if scale is not None else Scale(surface.get_height())


@dataclass(frozen=True)
class ValueAxis:
    """A linear mapping of amounts onto the pixel rows between ``top`` and ``bottom``."""

    low: float
    high: float
    top: int
    bottom: int

    @classmethod
    def fit(cls, values: Sequence[float], top: int, bottom: int, pad: float = 0.08) -> ValueAxis:
        """An axis that holds every value and zero, with a little headroom."""
        low = min(0.0, *values) if values else 0.0
        high = max(0.0, *values) if values else 1.0
        if high - low < 1e-9:
            high = low + 1.0
        span = high - low
        return cls(low - (span * pad if low < 0 else 0.0), high + span * pad, top, bottom)

    def y(self, value: float) -> int:
        """The pixel row of ``value``."""
        share = (value - self.low) / (self.high - self.low)
        return round(self.bottom - share * (self.bottom - self.top))


# ----- small shapes ----------------------------------------------------------------------


def draw_check(surface: pygame.Surface, center: tuple[int, int], size: int, color: Color) -> None:
    """A filled round badge with a white check mark (a shape, readable without colour)."""
    radius = max(4, size // 2)
    pygame.draw.circle(surface, color, center, radius)
    cx, cy = center
    r = radius * 0.55
    points = [(cx - r, cy), (cx - r * 0.25, cy + r * 0.7), (cx + r, cy - r * 0.65)]
    pygame.draw.lines(surface, theme.CARD, False, points, max(2, radius // 3))


def draw_cross(surface: pygame.Surface, center: tuple[int, int], size: int, color: Color) -> None:
    """A filled round badge with a white cross (the missed-year mark)."""
    radius = max(4, size // 2)
    pygame.draw.circle(surface, color, center, radius)
    cx, cy = center
    r = radius * 0.45
    width = max(2, radius // 3)
    pygame.draw.line(surface, theme.CARD, (cx - r, cy - r), (cx + r, cy + r), width)
    pygame.draw.line(surface, theme.CARD, (cx - r, cy + r), (cx + r, cy - r), width)


def draw_lock(surface: pygame.Surface, center: tuple[int, int], size: int, color: Color) -> None:
    """A small padlock: the mark of a closed (final) budget year."""
    cx, cy = center
    w = max(6, size * 2 // 3)
    h = max(5, size // 2)
    body = pygame.Rect(0, 0, w, h)
    body.midtop = (cx, cy - h // 6)
    pygame.draw.rect(surface, color, body, border_radius=max(1, w // 6))
    shackle = pygame.Rect(0, 0, w * 2 // 3, h)
    shackle.midbottom = (cx, body.top + h // 3)
    pygame.draw.ellipse(surface, color, shackle, max(2, w // 6))


def hatch(surface: pygame.Surface, rect: pygame.Rect, color: Color, step: int = 8) -> None:
    """Fill ``rect`` with diagonal stripes (gaps are striped so they read without colour)."""
    if rect.width <= 0 or rect.height <= 0:
        return
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip))
    width = max(2, step // 3)
    for offset in range(-rect.height, rect.width, step):
        start = (rect.left + offset, rect.bottom)
        end = (rect.left + offset + rect.height, rect.top)
        pygame.draw.line(surface, color, start, end, width)
    surface.set_clip(clip)


_MISSING_PROBE = "\U000f0000"  # a private-use code point no text font has
_GLYPH_CACHE: dict[tuple[int, str], bool] = {}
_SUBSTITUTES = {"\u2212": "\u2013"}  # minus sign → en dash when the font lacks it


def displayable(text: str, font: pygame.font.Font) -> str:
    """``text`` with the typographic minus replaced by an en dash if ``font`` lacks the glyph
    (a font subset without U+2212 would otherwise draw a box in front of negative amounts)."""
    for char, substitute in _SUBSTITUTES.items():
        if char not in text:
            continue
        key = (id(font), char)
        present = _GLYPH_CACHE.get(key)
        if present is None:
            present = _GLYPH_CACHE[key] = font.metrics(char) != font.metrics(_MISSING_PROBE)
        if not present:
            text = text.replace(char, substitute)
    return drawable(text)  # characters the shipped fonts lack are left out, never boxes


def blit_text(
    surface: pygame.Surface,
    text: str,
    font: pygame.font.Font,
    color: Color,
    anchor: str,
    pos: tuple[int, int],
    max_width: int | None = None,
) -> pygame.Rect:
    """Render ``text`` with ``font`` and place its ``anchor`` ("midtop", "topleft", …) at ``pos``.

    When ``max_width`` is given, the text is shortened with an ellipsis to fit.
    """
    text = displayable(text, font)
    if max_width is not None and font.size(text)[0] > max_width:
        while text and font.size(text + "…")[0] > max_width:
            text = text[:-1]
        text = text.rstrip() + "…"
    image = font.render(text, True, color)
    rect = image.get_rect(**{anchor: pos})
    surface.blit(image, rect)
    return rect


def fitting(font: pygame.font.Font, options: Sequence[str], width: int) -> str:
    """The first of ``options`` that ``font`` draws within ``width`` pixels; else the last
    (which ``blit_text`` then shortens)."""
    for option in options:
        if font.size(option)[0] <= width:
            return option
    return options[-1]


def year_options(label: str) -> list[str]:
    """A year label and its short form for a narrow column ("2027", "’27")."""
    text = str(label)
    return [text, f"’{text[-2:]}"] if len(text) == 4 and text.isdigit() else [text]


# ----- the year chart --------------------------------------------------------------------


def draw_year_chart(
    surface: pygame.Surface,
    rect: pygame.Rect,
    years: Sequence[str],
    targets: Sequence[float],
    values: Sequence[float],
    *,
    met: Sequence[bool | None] | None = None,
    fan: Fan | None = None,
    closed: int = 0,
    current: int | None = None,
    fonts: Fonts,
    lang: str = "da",
    scale: Scale | None = None,
    played: int | None = None,
) -> None:
    """The budget years as columns: each year's råderum as a bar against its target line.

    ``values`` are the råderum per year (what the group sees), ``targets`` the target per year.
    ``met`` marks closed years as met (check badge, green bar) or missed (cross badge, the gap
    hatched in red); open years show the gap hatched as well, but lighter. The first ``closed``
    years are final: their bars are solid and carry a padlock; open years' bars are tinted
    ("planned"). ``current`` highlights the year being decided. ``fan`` = (p10, p50, p90) draws
    the risk meter: a band from p10 to p90 and a tick at the median, per open year; an open
    year whose value meets its target while its p10 does not is labelled "3?" in the warning
    colour. Years from ``played`` on were never played (a paper table that stopped): they
    show their target and year, no bar and no figure.
    """
    sc = _scale(surface, scale)
    n = len(years)
    if n == 0 or rect.width <= 0 or rect.height <= 0:
        return
    label_font = fonts.get(FONT_REGULAR, sc.min_text)
    value_font = fonts.get(FONT_BOLD, max(sc.min_text, sc.body))
    pad = sc.gap
    line = label_font.get_linesize()
    value_line = value_font.get_linesize()
    badge = max(sc.min_text, round(value_line * 0.9))
    column = rect.width / n
    texts = [format_against(v, t, lang) for v, t in zip(values, targets)]  # a miss looks like one
    # an open year that meets its target on the board's figures but misses it in more than
    # one outcome in ten (the fan's 10 % under the target): "3?" in the warning colour, so
    # a room does not take a year resting on an uncertain card as safe
    at_risk = [
        fan is not None
        and closed <= i < len(fan[0])
        and values[i] >= targets[i] - 1e-9
        and fan[0][i] < targets[i] - 1e-9
        for i in range(n)
    ]
    texts = [f"{text}?" if risky else text for text, risky in zip(texts, at_risk)]

    def widest(font: pygame.font.Font) -> int:
        return max(font.size(displayable(text, font))[0] for text in texts)

    if widest(value_font) + pad + badge > column - 4:  # narrow columns: smaller value labels
        value_font = fonts.get(FONT_BOLD, sc.min_text)
        value_line = value_font.get_linesize()
        badge = max(sc.min_text * 3 // 4, round(value_line * 0.8))
    stacked = widest(value_font) + pad // 2 + badge > column - 4  # badge above the value
    # Rows: value label + badge on top, bars, then year and target labels at the bottom.
    top = rect.top + value_line + pad + (badge + 2 if stacked else 0)
    foot_lines = 2 if rect.height >= 10 * line else 1  # a low chart: year and target on one line
    bottom = rect.bottom - foot_lines * line - pad
    if bottom - top < 20:
        # a very low chart (800×600 with the chance line on a line of its own): the bars give
        # up the padding first, so the year and value labels keep rows of their own (the bars
        # ran through "2027 · mål 4")
        top = rect.top + value_line + (badge + 2 if stacked else 0)
        bottom = rect.bottom - foot_lines * line
    if bottom - top < 8:
        # lower still: the value and year labels keep their rows and the bars get a thin
        # band between them (the bars filled the whole chart and ran through the labels)
        top = rect.top + value_line
        bottom = max(top + 8, rect.bottom - foot_lines * line)
        if bottom > rect.bottom - 2:
            top, bottom = rect.top + 2, rect.bottom - 2
    spread: list[float] = [*targets, *values[:played]]
    if fan is not None:
        spread += [*fan[0], *fan[2]]
    axis = ValueAxis.fit(spread, top, bottom)
    zero = axis.y(0.0)
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip))
    # "mål 16" under every year, or the amount alone under every year when one does not fit
    target_words = [_t(lang, "chart.target", amount=format_target(t, lang)) for t in targets]
    if any(label_font.size(words)[0] > int(column) - 4 for words in target_words):
        target_words = [format_target(t, lang) for t in targets]
    form = 3  # the year alone, when not even "’29 · 15" fits
    if foot_lines == 1:
        # the lock of a closed year takes a line's width only where the column has it (it is
        # left out where it has not): a six-year board at 1024×768 gave up every target for it
        for candidate in range(3):
            if all(
                label_font.size(
                    foot_forms(str(years[i]), target_words[i], targets[i], lang)[candidate]
                )[0]
                + (line if candidate < 2 else 0)
                <= int(column) - 4
                for i in range(n)
            ):
                form = candidate
                break

    def foot_labels(i: int, col: pygame.Rect, is_closed: bool) -> None:
        """Year and target labels at the foot of column ``i``."""
        year_font = fonts.get(FONT_BOLD, sc.min_text) if i == current else label_font
        foot = rect.bottom - foot_lines * line
        target_text = target_words[i]
        year_text = str(years[i])
        if foot_lines == 1:
            # the year with its target on one line, in the one form every column can hold
            # (``foot_forms``): an eight-year game at 1280×720 showed the years alone
            year_text = (
                foot_forms(year_text, target_text, targets[i], lang)[form]
                if form < 3
                else year_text
            )
            if year_font.size(year_text)[0] + line > col.width - 4:
                year_font = label_font  # the year's target matters more than the bold face
        year_rect = blit_text(
            surface, year_text, year_font, theme.INK, "midtop", (col.centerx, foot), col.width - 4
        )
        if is_closed and year_rect.left - line >= col.left:
            draw_lock(
                surface,
                (year_rect.left - line // 2 - 2, year_rect.centery),
                line // 2 + 2,
                theme.MUTED,
            )
        if foot_lines == 2:
            blit_text(
                surface,
                target_text,
                label_font,
                theme.MUTED,
                "midtop",
                (col.centerx, foot + line),
                col.width - 4,
            )

    for i in range(n):
        left = round(rect.left + i * column)
        right = round(rect.left + (i + 1) * column)
        col = pygame.Rect(left, rect.top, right - left, rect.height)
        is_closed = i < closed
        outcome = met[i] if met is not None and i < len(met) else None
        if i == current:
            highlight = col.inflate(-pad // 2, 0)
            pygame.draw.rect(
                surface, theme.mix(theme.PANEL, theme.SKY, 0.18), highlight, border_radius=sc.radius
            )
        if played is not None and i >= played:
            # a year the table never played (a paper table that stopped): its target line,
            # no bar and no figure (a report's picture showed what the cards would give)
            y_target = axis.y(targets[i])
            tl = col.inflate(-round(col.width * 0.14), 0)
            ends = (tl.left, y_target), (tl.right, y_target)
            pygame.draw.line(surface, theme.TARGET, *ends, max(3, pad // 2))
            foot_labels(i, col, is_closed)
            continue
        bar_w = max(6, round(col.width * 0.46))
        bar = pygame.Rect(0, 0, bar_w, 0)
        value = values[i]
        target = targets[i]
        y_value = axis.y(value)
        bar.centerx = col.centerx
        bar.top = min(y_value, zero)
        bar.height = max(1, abs(y_value - zero))
        reached = value >= target - 1e-9
        if is_closed:
            fill = theme.MET if outcome or (outcome is None and reached) else theme.BLUE
        else:
            fill = theme.mix(theme.BLUE, theme.CARD, 0.35)
        if value < 0:
            fill = theme.mix(theme.GAP, theme.CARD, 0.2 if is_closed else 0.45)
        pygame.draw.rect(surface, fill, bar)
        if not is_closed:
            pygame.draw.rect(surface, theme.BLUE, bar, max(1, pad // 4))
        y_target = axis.y(target)
        if not reached:
            gap = pygame.Rect(bar.left, y_target, bar.width, max(1, min(y_value, zero) - y_target))
            if value < 0:
                gap = pygame.Rect(bar.left, y_target, bar.width, max(1, zero - y_target))
            gap_color = theme.GAP if is_closed else theme.mix(theme.GAP, theme.CARD, 0.35)
            pygame.draw.rect(surface, theme.mix(gap_color, theme.CARD, 0.78), gap)
            hatch(surface, gap, gap_color, step=max(6, pad))
            pygame.draw.rect(surface, gap_color, gap, max(1, pad // 4))
        if fan is not None and not is_closed and i < len(fan[0]):
            _draw_fan(surface, col, bar, axis, fan[0][i], fan[1][i], fan[2][i], pad)
        # The target line spans the column, thick and dark.
        tl = col.inflate(-round(col.width * 0.14), 0)
        pygame.draw.line(
            surface, theme.TARGET, (tl.left, y_target), (tl.right, y_target), max(3, pad // 2)
        )
        # Value above the higher of bar and target, with the outcome badge beside it.
        label_y = min(y_value, y_target, zero) - pad // 2
        text = texts[i]
        text_rect = value_font.size(text)
        # A closed year's label and badge are centred together over the column.
        label_x = col.centerx - ((pad // 2 + badge) // 2 if is_closed and not stacked else 0)
        # the warning colour for a year missed, one at risk ("3?") and the year being decided
        # while it is short of its target: "1" against 2,76 stood in black beside an orange
        # "10?" that met its own, and from the back of a room the colours said the opposite
        short = not reached and (is_closed or i == current)
        value_color = theme.WARNING if short or at_risk[i] else theme.INK
        placed = blit_text(
            surface,
            text,
            value_font,
            value_color,
            "midbottom",
            (label_x, max(rect.top + text_rect[1] + (badge if stacked else 0), label_y)),
        )
        if is_closed:
            mark_center = (placed.right + pad // 2 + badge // 2, placed.centery)
            if stacked:
                mark_center = (col.centerx, placed.top - badge // 2)
            if outcome or (outcome is None and reached):
                draw_check(surface, mark_center, badge, theme.MET)
            else:
                draw_cross(surface, mark_center, badge, theme.GAP)
        foot_labels(i, col, is_closed)
    # The zero line when there are negative amounts.
    if axis.low < 0:
        pygame.draw.line(surface, theme.LINE, (rect.left, zero), (rect.right, zero), 1)
    surface.set_clip(clip)


def foot_forms(year: str, target_words: str, target: float, lang: str) -> tuple[str, str, str]:
    """A year and its target on one line, shorter and shorter: "2029 · mål 15",
    "’29 · mål 15", "’29 · 15"."""
    short = f"’{year[-2:]}" if len(year) == 4 and year.isdigit() else year
    return (
        f"{year} · {target_words}",
        f"{short} · {target_words}",
        f"{short} · {format_target(target, lang)}",
    )


def _draw_fan(
    surface: pygame.Surface,
    col: pygame.Rect,
    bar: pygame.Rect,
    axis: ValueAxis,
    p10: float,
    p50: float,
    p90: float,
    pad: int,
) -> None:
    """The 10–90 % band and the median tick to the right of a year's bar."""
    if p90 - p10 < 1e-6:
        return
    width = max(6, bar.width // 3)
    band = pygame.Rect(0, 0, width, max(2, axis.y(p10) - axis.y(p90)))
    band.top = axis.y(p90)
    band.left = min(bar.right + pad // 2, col.right - width - 2)
    _fan_band(surface, band, axis.y(p50), pad)


def _fan_band(surface: pygame.Surface, band: pygame.Rect, median_y: int, pad: int) -> None:
    """A fan's band (10–90 %) with its median tick at row ``median_y``."""
    overlay = pygame.Surface(band.size, pygame.SRCALPHA)
    overlay.fill((*theme.SKY, 150))
    surface.blit(overlay, band)
    pygame.draw.rect(surface, theme.BLUE, band, 1)
    y = median_y
    pygame.draw.line(surface, theme.INK, (band.left - pad // 2, y), (band.right + pad // 2, y), 3)


LEGEND_ITEMS = ("bar", "gap", "fan", "target")
"""What the year chart's legend explains, in its order (message keys ``chart.legend.*``)."""


def legend_swatch(surface: pygame.Surface, rect: pygame.Rect, item: str, pad: int) -> None:
    """A small picture of one of the year chart's marks (``LEGEND_ITEMS``), drawn the way
    ``year_columns`` draws it in an open year, so the help's legend shows what the board shows."""
    if item == "bar":
        bar = rect.inflate(-rect.width // 3, 0)
        pygame.draw.rect(surface, theme.mix(theme.BLUE, theme.CARD, 0.35), bar)
        pygame.draw.rect(surface, theme.BLUE, bar, max(1, pad // 4))
    elif item == "gap":
        gap = rect.inflate(-rect.width // 3, 0)
        color = theme.mix(theme.GAP, theme.CARD, 0.35)
        pygame.draw.rect(surface, theme.mix(color, theme.CARD, 0.78), gap)
        hatch(surface, gap, color, step=max(6, pad))
        pygame.draw.rect(surface, color, gap, max(1, pad // 4))
    elif item == "fan":
        band = rect.inflate(-rect.width // 2, 0)
        _fan_band(surface, band, rect.centery, pad)
    elif item == "target":
        y = rect.centery
        pygame.draw.line(surface, theme.TARGET, (rect.left, y), (rect.right, y), max(3, pad // 2))
    else:
        raise ValueError(f"no legend item {item!r}")


# ----- sparkline -------------------------------------------------------------------------


# ----- line chart ------------------------------------------------------------------------
