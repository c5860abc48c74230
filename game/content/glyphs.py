"""Which characters the game's shipped fonts can draw, read from the fonts' ``cmap`` tables.

``raaderum validate`` warns about deck text the fonts cannot draw (an emoji in a title would
be a box in front of the room), and the window leaves such characters out (``drawable``).
Reading the table takes no display and no pygame: a TrueType font's ``cmap`` table is a
documented binary format (OpenType spec, "cmap — Character to Glyph Index Mapping Table"),
and the two subtable formats fonts use for Unicode (4 for the Basic Multilingual Plane, 12
for all planes) are read here with ``struct``.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from game.paths import assets_dir

FONT_PATTERN = "NotoSans-*.ttf"

SUBSTITUTES: dict[str, str] = {"\u2212": "\u2013"}
"""Characters the window draws as another one: the minus sign (which ``format_amount``
writes and Noto Sans may lack) as an en dash."""

_KEEP = frozenset("\n\t")


class FontFormatError(ValueError):
    """The file is not a TrueType/OpenType font with a Unicode ``cmap`` table."""


def read_cmap(data: bytes) -> frozenset[int]:
    """The Unicode code points that have a glyph in the font ``data`` (TrueType/OpenType).

    Uses the best Unicode subtable: format 12 (platform 3/10 or 0/4–6) when the font has one,
    else format 4 (platform 3/1 or 0/0–3). Raises ``FontFormatError`` for anything else.
    """
    try:
        return _read_cmap(data)
    except struct.error as error:
        raise FontFormatError(f"truncated font: {error}") from None


def _read_cmap(data: bytes) -> frozenset[int]:
    (tables,) = struct.unpack_from(">H", data, 4)
    cmap = None
    for index in range(tables):
        tag, _, offset, _ = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        if tag == b"cmap":
            cmap = offset
    if cmap is None:
        raise FontFormatError("the font has no cmap table")
    _, count = struct.unpack_from(">HH", data, cmap)
    best: tuple[int, int] | None = None  # (preference, subtable offset)
    for index in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * index)
        (fmt,) = struct.unpack_from(">H", data, cmap + offset)
        unicode = platform == 0 or (platform == 3 and encoding in (1, 10))
        if not unicode or fmt not in (4, 12):
            continue
        preference = 2 if fmt == 12 else 1
        if best is None or preference > best[0]:
            best = (preference, cmap + offset)
    if best is None:
        raise FontFormatError("the font has no Unicode cmap subtable of format 4 or 12")
    start = best[1]
    (fmt,) = struct.unpack_from(">H", data, start)
    return _format12(data, start) if fmt == 12 else _format4(data, start)


def _format4(data: bytes, start: int) -> frozenset[int]:
    (segments_x2,) = struct.unpack_from(">H", data, start + 6)
    segments = segments_x2 // 2
    ends = struct.unpack_from(f">{segments}H", data, start + 14)
    starts = struct.unpack_from(f">{segments}H", data, start + 16 + segments_x2)
    deltas = struct.unpack_from(f">{segments}h", data, start + 16 + 2 * segments_x2)
    range_at = start + 16 + 3 * segments_x2
    offsets = struct.unpack_from(f">{segments}H", data, range_at)
    covered: set[int] = set()
    for i in range(segments):
        first, last = starts[i], ends[i]
        if first == 0xFFFF:
            continue
        for code in range(first, last + 1):
            if offsets[i] == 0:
                glyph = (code + deltas[i]) & 0xFFFF
            else:
                where = range_at + 2 * i + offsets[i] + 2 * (code - first)
                (glyph,) = struct.unpack_from(">H", data, where)
                if glyph:
                    glyph = (glyph + deltas[i]) & 0xFFFF
            if glyph:
                covered.add(code)
    return frozenset(covered)


def _format12(data: bytes, start: int) -> frozenset[int]:
    (groups,) = struct.unpack_from(">I", data, start + 12)
    covered: set[int] = set()
    for index in range(groups):
        first, last, glyph = struct.unpack_from(">III", data, start + 16 + 12 * index)
        covered.update(range(first + (1 if glyph == 0 else 0), last + 1))
    return frozenset(covered)


def font_files(folder: Path | None = None) -> list[Path]:
    """The shipped font files (``assets/fonts/NotoSans-*.ttf``)."""
    folder = folder if folder is not None else assets_dir() / "fonts"
    try:
        return sorted(folder.glob(FONT_PATTERN))
    except OSError:
        return []


@lru_cache(maxsize=4)
def coverage(files: tuple[Path, ...] | None = None) -> frozenset[int] | None:
    """The code points every one of ``files`` (default: the shipped fonts) can draw; None
    when no font can be read (then nothing can be said about the text)."""
    paths = files if files is not None else tuple(font_files())
    found: frozenset[int] | None = None
    for path in paths:
        try:
            points = read_cmap(path.read_bytes())
        except (OSError, FontFormatError):
            continue
        found = points if found is None else found & points
    return found


def missing(text: str, covered: frozenset[int] | None = None) -> list[str]:
    """The distinct characters of ``text`` the fonts cannot draw, in order of appearance
    (characters in ``SUBSTITUTES`` count as drawable)."""
    covered = covered if covered is not None else coverage()
    if covered is None or text.isascii():
        return []
    result: list[str] = []
    for char in text:
        if char in _KEEP or char in SUBSTITUTES or ord(char) in covered or char in result:
            continue
        result.append(char)
    return result


_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")
"""Spaces left side by side inside a text where a character that cannot be drawn stood."""


def drawable(text: str, covered: frozenset[int] | None = None) -> str:
    """``text`` as the window draws it: ``SUBSTITUTES`` applied, and every character the
    fonts cannot draw left out (so it never shows as a box)."""
    for char, instead in SUBSTITUTES.items():
        text = text.replace(char, instead)
    lacking = missing(text, covered)
    if not lacking:
        return text
    # "Søndervang 😀 bord" reads "Søndervang bord", not with a double space where it stood
    return _SPACES.sub(" ", "".join(c for c in text if c not in lacking))


def describe(chars: Iterable[str]) -> str:
    """ "'🔪' (U+1F52A)" for each character, joined with commas."""
    return ", ".join(f"'{c}' (U+{ord(c):04X})" for c in chars)


def drawable_name(name: str) -> tuple[str, int]:
    """A table's ``name`` as the window can show it, and how many characters it left out: a
    name typed on the command line (``--table "Bord 🎉 fest"``) is kept as the window's name
    field keeps it, so that the save, the screen and the comparison name the table alike."""
    lacking = missing(name)
    if not lacking:
        return name, 0
    kept = "".join(c for c in name if c not in lacking)
    return " ".join(kept.split()), len(name) - len(kept)
