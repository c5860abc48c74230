"""Text that fits: word wrapping, shrinking to fit a box, and a cache of rendered text.

``fit_text`` wraps a text to a width and, when it is too tall for the box, shrinks the font
step by step down to a minimum size; only if it still does not fit is the last line cut with
"…". Rendered surfaces are cached, so an unchanged board costs no text rendering.
"""

from __future__ import annotations

import itertools
import re
from collections import OrderedDict
from dataclasses import dataclass

import pygame

from game.content.glyphs import SUBSTITUTES as _GLYPH_SUBSTITUTES
from game.content.glyphs import drawable
from game.ui.fonts import Fonts
from game.ui.theme import FONT_REGULAR, Color, Scale, TextStyle

ELLIPSIS = "…"
SUBSTITUTES = _GLYPH_SUBSTITUTES
"""Characters the shipped font lacks, and what to draw instead (minus sign → en dash)."""
LINE_SPACING = 1.0


@dataclass(frozen=True)
class FittedText:
    """The outcome of fitting a text into a box: font size, lines and line height."""

    size: int
    lines: tuple[str, ...]
    line_height: int
    truncated: bool

    @property
    def height(self) -> int:
        """Height of all lines."""
        return self.line_height * len(self.lines)


HYPHEN = "-"


VOWELS = frozenset("aeiouyæøåéáèàüöäAEIOUYÆØÅÉÁÈÀÜÖÄ")
ONSETS = frozenset(
    {"bl", "br", "dr", "dv", "fl", "fr", "gl", "gr", "kl", "kr", "kv", "pl", "pr", "tr", "tv"}
    | {"spl", "spr", "str", "skr"}
)
"""Consonant clusters a Danish syllable begins with, kept together at a break: "dag-pleje",
"pleje-pladser" (a single s-cluster splits: "gæs-te")."""


def syllable_breaks(word: str) -> list[int]:
    """Where ``word`` may be hyphenated, as indexes to break before, by the Danish rule: one
    consonant between vowels goes to the next line ("ple-je"), of several the last
    ("gæs-te"), and a cluster a syllable begins with goes whole ("dag-pleje"); several
    consonants ending in s break after it, as a compound's joining s ("omsorgs-området");
    after a hyphen already in the word; never leaving fewer than two letters on either
    side."""
    found: list[int] = []
    vowel_at = [i for i, c in enumerate(word) if c in VOWELS]
    for before, after in itertools.pairwise(vowel_at):
        run = word[before + 1 : after]
        if not run or not run.isalpha():
            continue
        cut = after if len(run) >= 3 and run[-1] in "sS" else after - 1
        for size in (3, 2):
            if len(run) >= size and run[-size:].lower() in ONSETS:
                cut = after - size
                break
        found.append(cut)
    found += [i + 1 for i, c in enumerate(word) if c == HYPHEN]
    return sorted(i for i in set(found) if 2 <= i <= len(word) - 2)


def _break_word(font: pygame.font.Font, word: str, width: int) -> list[str]:
    """A word wider than ``width`` in pieces that fit, each but the last ending in a hyphen
    after a letter ("effektiviserings-" / "bidrag"), so the word still reads as one. A piece
    ends at a syllable (``syllable_breaks``: "gæstedag-pladser", not "gæstedagpl-adser")
    when one lies in the last half of what fits; else where the line is full."""
    parts: list[str] = []
    breaks = syllable_breaks(word)
    start = 0
    while start < len(word):
        end = start + 1
        while end < len(word) and font.size(word[start : end + 1] + HYPHEN)[0] <= width:
            end += 1
        if end < len(word):
            fits = end - start
            near = [
                b for b in breaks if start + max(2, fits // 2) <= b <= end and len(word) - b >= 4
            ]
            end = near[-1] if near else end
        piece = word[start:end]
        more = end < len(word)
        hyphen = more and piece[-1].isalpha() and word[end].isalpha()
        parts.append(piece + (HYPHEN if hyphen else ""))
        start = end
    if len(parts) > 1 and len(parts[-1]) < 4 and len(parts[-2]) > 6:
        head = parts[-2].rstrip(HYPHEN)  # never leave two or three letters on a line alone
        move = 4 - len(parts[-1])
        cut = len(head) - move
        mark = HYPHEN if head[cut - 1].isalpha() and head[cut].isalpha() else ""
        parts[-2:] = [head[:-move] + mark, head[-move:] + parts[-1]]
    return parts


_GLUE = re.compile(
    r"""(?<=\d)\ (?=mio\.|mia\.|t\.\ kr\.|kr\.|%|år\b  # a number and its unit
                  |årsværk|FTE|tilbage|left\b)            # … or what it counts
    | (?<=\bmio\.|\bmia\.)\ (?=kr\.)                  # mio. kr., mia. kr.
    | (?<=\bt\.)\ (?=kr\.)                             # t. kr.
    | (?<=%)\ (?=uden\)|without\))                     # "(0 % uden)" on one line
    | (?:(?<=\bPersonale)|(?<=\bStaff))\ (?=[+−-]?\d)  # "Personale +5 årsværk" whole""",
    re.VERBOSE,
)
"""The spaces a line must not break at: inside "mio. kr." and "t. kr.", between a number
and its unit ("45 mio. kr.", "13 %", "4 år"), and inside "(0 % uden)" and "Personale +5
årsværk", which a card view broke in the middle."""
_KEEP = "\u00a0"


def wrap_lines(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (words longer than a line are split;
    newlines start a new line; a unit stays with its number, ``_GLUE``)."""
    lines = _wrap(font, _GLUE.sub(_KEEP, text), width)
    return [line.replace(_KEEP, " ") for line in lines]


def _wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = [word for word in re.split(r"[ \t\r]+", paragraph) if word]
        if not words:
            lines.append("")
            continue
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if font.size(candidate)[0] <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            if font.size(word)[0] <= width:
                current = word
            else:
                pieces = _break_word(font, word, width)
                lines.extend(pieces[:-1])
                current = pieces[-1]
        lines.append(current)
    return lines


def _truncate(font: pygame.font.Font, line: str, width: int) -> str:
    """The longest beginning of ``line`` that fits ``width`` with "…" after it, cut between
    any two characters (a title keeps the part of its next word that fits: "Højere
    sundhedsmedfin…", not "Højere…") – but never inside a number."""
    text = line.rstrip()
    low, high = 0, len(text)  # text[:low] + "…" fits; text[:high + 1] + "…" does not
    while low < high:
        middle = (low + high + 1) // 2
        if font.size(text[:middle].rstrip() + ELLIPSIS)[0] <= width:
            low = middle
        else:
            high = middle - 1
    # never inside a number: "… ca. 2,…" read as 2 where the text said 2,5 mio. kr.
    while 0 < low < len(text) and _in_number(text[low - 1]) and _in_number(text[low]):
        low -= 1
    return text[:low].rstrip() + ELLIPSIS


def _in_number(char: str) -> bool:
    return char.isdigit() or char in ",."


def fit_text(
    fonts: Fonts,
    text: str,
    width: int,
    height: int,
    size: int,
    min_size: int,
    role: str = FONT_REGULAR,
    max_lines: int | None = None,
    spacing: float = LINE_SPACING,
) -> FittedText:
    """Wrap ``text`` into ``width`` × ``height``, shrinking from ``size`` to ``min_size``;
    lines are ``spacing`` × the font's line size apart.

    If even ``min_size`` is too big, the lines that fit are kept and the last one ends in "…".
    """
    width = max(1, width)
    min_size = min(size, min_size)
    current = size
    while True:
        font = fonts.get(role, current)
        line_height = max(1, round(font.get_linesize() * spacing))
        lines = wrap_lines(font, text, width)
        fits = (len(lines) * line_height <= height or len(lines) == 1) and (
            max_lines is None or len(lines) <= max_lines
        )
        if fits and current > min_size and any(font.size(w)[0] > width for w in text.split()):
            fits = False  # a smaller size may keep every word whole

        if fits:
            return FittedText(current, tuple(lines), line_height, False)
        if current <= min_size:
            room = max(1, height // line_height)
            if max_lines is not None:
                room = min(room, max_lines)
            kept = lines[:room]
            if len(kept) < len(lines) or font.size(kept[-1])[0] > width:
                # the last line shown is filled with what follows it, up to the "…"
                rest = " ".join(lines[room:])
                kept[-1] = _truncate(font, _joined(kept[-1], rest, text), width)
            return FittedText(current, tuple(kept), line_height, True)
        current = max(min_size, current - max(1, current // 12))


def _joined(line: str, rest: str, text: str) -> str:
    """``line`` and the ``rest`` of ``text`` after it as one line: a word split across the
    two (``_break_word``: "Tvær-" / "gående") is whole again, without the hyphen the split
    put in ("Tvær- gåe…" was drawn where "Tværgåe…" was meant)."""
    words = rest.split()
    if not words:  # nothing after it, or only empty lines ("Teknik-\n\n")
        return line
    if line.endswith(HYPHEN) and line[:-1] + words[0] in " ".join(text.split()):
        return line[:-1] + rest
    return f"{line} {rest}"


class TextRenderer:
    """Renders and caches text surfaces (single lines and fitted blocks)."""

    def __init__(self, fonts: Fonts, capacity: int = 3000) -> None:
        self.fonts = fonts
        self.capacity = capacity
        self._surfaces: OrderedDict[tuple[object, ...], pygame.Surface] = OrderedDict()
        self._fits: OrderedDict[tuple[object, ...], FittedText] = OrderedDict()

    def _remember(self, cache: OrderedDict, key: tuple[object, ...], value: object) -> None:  # type: ignore[type-arg]
        cache[key] = value
        if len(cache) > self.capacity:
            cache.popitem(last=False)

    def line(self, text: str, size: int, color: Color, role: str = FONT_REGULAR) -> pygame.Surface:
        """One line of text (cached)."""
        key = ("line", text, size, color, role)
        surface = self._surfaces.get(key)
        if surface is None:
            shown = drawable(text)  # the minus as an en dash; no boxes for missing glyphs
            surface = self.fonts.get(role, size).render(shown, True, color)
            self._remember(self._surfaces, key, surface)
        else:
            self._surfaces.move_to_end(key)
        return surface

    def fit(
        self,
        text: str,
        width: int,
        height: int,
        size: int,
        min_size: int,
        role: str = FONT_REGULAR,
        max_lines: int | None = None,
        spacing: float = LINE_SPACING,
    ) -> FittedText:
        """``fit_text`` with a cache."""
        key = (text, width, height, size, min_size, role, max_lines, spacing)
        fitted = self._fits.get(key)
        if fitted is None:
            fitted = fit_text(
                self.fonts, text, width, height, size, min_size, role, max_lines, spacing
            )
            self._remember(self._fits, key, fitted)
        return fitted

    def draw(
        self,
        surface: pygame.Surface,
        text: str,
        rect: pygame.Rect,
        style: TextStyle,
        scale: Scale | None = None,
    ) -> pygame.Rect:
        """Draw ``text`` fitted into ``rect`` in ``style`` (its named sizes follow ``scale``,
        by default the height of ``surface``); returns the rectangle actually covered."""
        rect = pygame.Rect(rect)
        scale = scale or Scale(surface.get_height())
        role = style.font
        fitted = self.fitted(text, rect, style, scale)
        total = fitted.height
        if style.valign == "middle":
            y = rect.y + (rect.height - total) // 2
        elif style.valign == "bottom":
            y = rect.bottom - total
        else:
            y = rect.y
        covered = pygame.Rect(rect.x, y, 0, 0)
        for line in fitted.lines:
            image = self.line(line, fitted.size, style.color, role)
            if style.align == "center":
                x = rect.x + (rect.width - image.get_width()) // 2
            elif style.align == "right":
                x = rect.right - image.get_width()
            else:
                x = rect.x
            # centre the glyph box in the line box
            offset = (fitted.line_height - image.get_height()) // 2
            surface.blit(image, (x, y + offset))
            covered.union_ip(pygame.Rect(x, y, image.get_width(), fitted.line_height))
            y += fitted.line_height
        return covered

    def fitted(self, text: str, rect: pygame.Rect, style: TextStyle, scale: Scale) -> FittedText:
        """How ``draw`` fits ``text`` into ``rect`` in ``style`` (``truncated`` tells whether
        it is cut: the layout tests measure with this)."""
        return self._fitted(text, rect, style, scale)

    def fits(self, text: str, rect: pygame.Rect, style: TextStyle, scale: Scale) -> bool:
        """Whether ``draw`` shows ``text`` whole in ``rect``: for a text tried in shorter and
        shorter forms, the first that fits drawn (the forms tried are not drawn, nor cut)."""
        return not self._fitted(text, rect, style, scale).truncated

    def _fitted(self, text: str, rect: pygame.Rect, style: TextStyle, scale: Scale) -> FittedText:
        size = scale.px(style.size)
        shrink_to = size if style.shrink_to is None else scale.px(style.shrink_to)
        return self.fit(
            text,
            rect.width,
            rect.height,
            size,
            shrink_to,
            style.font,
            style.max_lines,
            style.spacing,
        )

    def width(self, text: str, size: int, role: str = FONT_REGULAR) -> int:
        """Pixel width of one line of ``text``."""
        return self.fonts.get(role, size).size(text)[0]

    def clear(self) -> None:
        """Drop every cached surface."""
        self._surfaces.clear()
        self._fits.clear()
