"""Text editing without drawing: what typed or pasted text may hold, how a field's text wraps
into lines, and which key releases a focused field keeps for itself."""

from __future__ import annotations

import contextlib

import pygame


def clean_text(text: str, multiline: bool) -> str:
    """``text`` with control characters removed; newlines kept only when ``multiline``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    out: list[str] = []
    for char in text:
        if char == "\n":
            out.append("\n" if multiline else " ")
        elif char.isprintable():
            out.append(char)
    return "".join(out)


def wrap_lines(text: str, font: pygame.font.Font, width: int) -> list[tuple[int, int]]:
    """Split ``text`` into lines that fit ``width`` pixels, as (start, end) index pairs.

    Lines break at spaces where possible and inside a word only when the word alone is too
    wide; an explicit newline always breaks. The newline or breaking space itself belongs to
    no line, so ``text[start:end]`` is exactly what is drawn.
    """
    lines: list[tuple[int, int]] = []
    width = max(1, width)
    start = 0
    for paragraph in text.split("\n"):
        end = start + len(paragraph)
        _wrap_paragraph(text, start, end, font, width, lines)
        start = end + 1
    return lines


def _wrap_paragraph(
    text: str, start: int, end: int, font: pygame.font.Font, width: int, out: list[tuple[int, int]]
) -> None:
    line_start = start
    while True:
        if font.size(text[line_start:end])[0] <= width:
            out.append((line_start, end))
            return
        # The longest prefix that fits, by binary search on the character count.
        low, high = line_start + 1, end
        while low < high:
            middle = (low + high + 1) // 2
            if font.size(text[line_start:middle])[0] <= width:
                low = middle
            else:
                high = middle - 1
        fit = low
        space = text.rfind(" ", line_start, fit + 1)
        if space > line_start:
            out.append((line_start, space))
            line_start = space + 1
        else:
            out.append((line_start, fit))
            line_start = fit


def is_typing_key(key: int) -> bool:
    """Keys whose release a focused field swallows (the press was the field's)."""
    return not (pygame.K_F1 <= key <= pygame.K_F15 or key == pygame.K_TAB)


def clipboard_get() -> str:
    """The system clipboard's text ("" when there is no clipboard)."""
    try:
        text: str = pygame.scrap.get_text()
    except (pygame.error, AttributeError):
        return ""
    return text


def clipboard_put(text: str) -> None:
    """Put ``text`` on the system clipboard (nothing happens without one)."""
    with contextlib.suppress(pygame.error, AttributeError):
        pygame.scrap.put_text(text)
