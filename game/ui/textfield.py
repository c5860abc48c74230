"""A text input widget: the group's note ("hvorfor?") and typed paths.

The field takes typing from pygame's TEXTINPUT events (so æ, ø, å and every other letter the
keyboard layout or IME produces arrive as text), moves the cursor with the arrow keys,
Home/End, edits with Backspace/Delete, selects all with Ctrl+A, copies/cuts/pastes with
Ctrl+C/X/V through the system clipboard, and undoes its own edits with Ctrl+Z. It word-wraps
its text inside its rectangle and scrolls instead of overflowing.

``handle(event)`` returns True when the field consumed the event. A focused field consumes
every key that means something while typing, so the scene's shortcut keys (1–9, H, Space,
Backspace, Ctrl+Z) do not fire while someone writes a note. Enter is left to the scene (it
submits: adopt the card, open the folder) unless the field is multi-line and Shift is held.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.content.glyphs import missing
from game.engine import MAX_NOTE_LENGTH
from game.ui.textedit import clean_text, clipboard_get, clipboard_put, is_typing_key, wrap_lines
from game.ui.theme import FieldStyle

_UNDO_DEPTH = 100


def said_left_out(toast: Callable[..., None]) -> Callable[[int], None]:
    """``TextField``'s ``on_undrawable`` for a scene that says it with ``toast`` (``App.toast``):
    "Et tegn, skærmen ikke kan vise (fx en emoji), kom ikke med"."""

    def say(count: int) -> None:
        toast("field.undrawable." + ("one" if count == 1 else "many"), error=True, count=count)

    return say


class TextField:
    """An editable text in a rectangle. Draw it with ``draw``; feed it events with ``handle``."""

    def __init__(
        self,
        rect: pygame.Rect | tuple[int, int, int, int],
        font: pygame.font.Font,
        *,
        text: str = "",
        placeholder: str = "",
        max_length: int = MAX_NOTE_LENGTH,
        multiline: bool = True,
        style: FieldStyle | None = None,
        show_counter: bool = True,
        stop_input_on_blur: bool = False,
        on_full: Callable[[int], None] | None = None,
        rest_at_end: bool = False,
        on_undrawable: Callable[[int], None] | None = None,
    ) -> None:
        self.rect = pygame.Rect(rect)
        self.font = font
        self.placeholder = placeholder
        self.max_length = max_length
        self.multiline = multiline
        self.style = style or FieldStyle()
        self.show_counter = show_counter
        self.stop_input_on_blur = stop_input_on_blur
        self.on_full = on_full
        """Called with the number of characters left out when typing or a paste would go past
        ``max_length`` (the scene says so: nothing is dropped without a word)."""
        self.on_undrawable = on_undrawable
        """Given, the field takes no character the window's fonts cannot draw (an emoji in a
        table's name showed as an empty box, then vanished on every other screen, and two
        tables told apart by it looked alike): it is called with how many were left out, to
        say so. Without it (a path), every character is kept."""
        self.rest_at_end = rest_at_end and not multiline
        """A single-line field that shows the end of a long text at rest: a path, whose file
        name says what it is ("/tmp/kommunens-daek/d4-tkr" read "/tmp/trialD-decks/d4-tkr")."""
        self._text = clean_text(text, multiline)[:max_length]
        self.cursor = len(self._text)
        self.anchor = self.cursor
        self.focused = False
        self.composition = ""
        self._undo: list[tuple[str, int]] = []
        self._scroll = 0

    # ----- value -------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The current text."""
        return self._text

    @text.setter
    def text(self, value: str) -> None:
        self._text = clean_text(value, self.multiline)[: self.max_length]
        self.cursor = self.anchor = len(self._text)
        self._undo.clear()

    @property
    def selection(self) -> tuple[int, int]:
        """The selected range as (start, end); empty when start == end."""
        return (min(self.cursor, self.anchor), max(self.cursor, self.anchor))

    @property
    def selected_text(self) -> str:
        """The selected part of the text."""
        start, end = self.selection
        return self._text[start:end]

    # ----- focus -------------------------------------------------------------------------

    def focus(self) -> None:
        """Take the keyboard: start SDL text input and place the IME window at the field."""
        if self.focused:
            return
        self.focused = True
        pygame.key.set_text_input_rect(self.rect)
        pygame.key.start_text_input()

    def blur(self) -> None:
        """Give the keyboard back to the scene.

        SDL's text input stays on (it is pygame's default, and other fields of a scene read
        TEXTINPUT events) unless the field was made with ``stop_input_on_blur=True``, which
        also hides an on-screen keyboard on touch screens.
        """
        if not self.focused:
            return
        self.focused = False
        self.composition = ""
        self.anchor = self.cursor
        if self.stop_input_on_blur:
            pygame.key.stop_text_input()

    def set_rect(self, rect: pygame.Rect | tuple[int, int, int, int]) -> None:
        """Move or resize the field (after a window resize)."""
        self.rect = pygame.Rect(rect)
        if self.focused:
            pygame.key.set_text_input_rect(self.rect)

    # ----- editing -----------------------------------------------------------------------

    def insert(self, text: str) -> bool:
        """Replace the selection with ``text`` (cut to the space left). True if anything changed."""
        text = clean_text(text, self.multiline)
        if self.on_undrawable is not None:
            lacking = missing(text)
            if lacking:
                kept = "".join(c for c in text if c not in lacking)
                self.on_undrawable(len(text) - len(kept))
                text = kept
        start, end = self.selection
        room = self.max_length - (len(self._text) - (end - start))
        left_out = len(text) - max(0, room)
        text = text[: max(0, room)]
        if left_out > 0 and self.on_full is not None:
            self.on_full(left_out)
        if not text and start == end:
            return False
        self._remember()
        self._text = self._text[:start] + text + self._text[end:]
        self.cursor = self.anchor = start + len(text)
        return True

    def _delete(self, forward: bool, word: bool) -> None:
        start, end = self.selection
        if start == end:
            if forward:
                end = self._word_right(start) if word else min(len(self._text), start + 1)
            else:
                start = self._word_left(end) if word else max(0, end - 1)
        if start == end:
            return
        self._remember()
        self._text = self._text[:start] + self._text[end:]
        self.cursor = self.anchor = start

    def _remember(self) -> None:
        self._undo.append((self._text, self.cursor))
        del self._undo[:-_UNDO_DEPTH]

    def undo(self) -> bool:
        """Take back the last edit of the field. True if there was one."""
        if not self._undo:
            return False
        self._text, self.cursor = self._undo.pop()
        self.anchor = self.cursor
        return True

    def _word_left(self, index: int) -> int:
        while index > 0 and self._text[index - 1].isspace():
            index -= 1
        while index > 0 and not self._text[index - 1].isspace():
            index -= 1
        return index

    def _word_right(self, index: int) -> int:
        size = len(self._text)
        while index < size and self._text[index].isspace():
            index += 1
        while index < size and not self._text[index].isspace():
            index += 1
        return index

    def _move(self, index: int, extend: bool) -> None:
        self.cursor = max(0, min(len(self._text), index))
        if not extend:
            self.anchor = self.cursor

    # ----- clipboard ---------------------------------------------------------------------

    def paste(self) -> bool:
        """Insert the clipboard's text; nothing happens when the clipboard is unavailable."""
        return self.insert(clipboard_get())

    # ----- events ------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> bool:
        """Process ``event``; True when the field consumed it."""
        if event.type in (pygame.MOUSEBUTTONDOWN, pygame.FINGERDOWN):
            return self._handle_press(event)
        if not self.focused:
            return False
        if event.type == pygame.TEXTINPUT:
            self.composition = ""
            self.insert(event.text)
            return True
        if event.type == pygame.TEXTEDITING:
            self.composition = event.text
            return True
        if event.type == pygame.KEYDOWN:
            return self._handle_key(event)
        return event.type == pygame.KEYUP and is_typing_key(event.key)

    def _handle_press(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.FINGERDOWN:
            size = pygame.display.get_surface()
            if size is None:
                return False
            pos = (int(event.x * size.get_width()), int(event.y * size.get_height()))
        else:
            if event.button != 1:
                return False
            pos = event.pos
        if self.rect.collidepoint(pos):
            self.focus()
            self._move(self.index_at(pos), extend=False)
            return True
        self.blur()
        return False

    def _handle_key(self, event: pygame.event.Event) -> bool:
        key = event.key
        mods = event.mod
        ctrl = bool(mods & (pygame.KMOD_CTRL | pygame.KMOD_META))
        shift = bool(mods & pygame.KMOD_SHIFT)
        if key == pygame.K_ESCAPE:
            self.blur()
            return True
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            if self.multiline and shift:
                self.insert("\n")
                return True
            return False
        if ctrl:
            return self._handle_shortcut(key)
        if key == pygame.K_BACKSPACE:
            self._delete(forward=False, word=False)
        elif key == pygame.K_DELETE:
            self._delete(forward=True, word=False)
        elif key == pygame.K_LEFT:
            start, end = self.selection
            self._move(start if start != end and not shift else self.cursor - 1, shift)
        elif key == pygame.K_RIGHT:
            start, end = self.selection
            self._move(end if start != end and not shift else self.cursor + 1, shift)
        elif key in (pygame.K_HOME, pygame.K_END):
            self._move(self._line_edge(key == pygame.K_END), shift)
        elif key in (pygame.K_UP, pygame.K_DOWN):
            self._move(self._vertical(-1 if key == pygame.K_UP else 1), shift)
        elif key == pygame.K_TAB or (pygame.K_F1 <= key <= pygame.K_F15):
            return False
        return True

    def _handle_shortcut(self, key: int) -> bool:
        if key == pygame.K_a:
            self.anchor, self.cursor = 0, len(self._text)
        elif key == pygame.K_v:
            self.paste()
        elif key in (pygame.K_c, pygame.K_x):
            if self.selected_text:
                clipboard_put(self.selected_text)
                if key == pygame.K_x:
                    self._delete(forward=False, word=False)
        elif key == pygame.K_z:
            self.undo()
        elif key == pygame.K_BACKSPACE:
            self._delete(forward=False, word=True)
        elif key == pygame.K_DELETE:
            self._delete(forward=True, word=True)
        elif key == pygame.K_LEFT:
            self._move(self._word_left(self.cursor), False)
        elif key == pygame.K_RIGHT:
            self._move(self._word_right(self.cursor), False)
        elif key == pygame.K_HOME:
            self._move(0, False)
        elif key == pygame.K_END:
            self._move(len(self._text), False)
        else:
            return False
        return True

    # ----- geometry ----------------------------------------------------------------------

    def _inner(self) -> pygame.Rect:
        pad = self.style.padding
        inner = self.rect.inflate(-2 * pad, -2 * pad)
        if self.show_counter:
            line = self.font.get_linesize()
            # a low text box (two lines at 1024×768) keeps both lines for the text and the
            # counter beside them: a row of its own left one line, and a reason of two lines
            # showed only its last ("hvert halve år.")
            beside = not self.multiline or inner.height < 3 * line
            if beside:
                inner.width -= self.font.size(f"{self.max_length}/{self.max_length}")[0] + pad
            else:
                inner.height -= line
        if not self.multiline:  # one line, centred in the field: descenders are never cut
            line = self.font.get_linesize()
            inner = pygame.Rect(inner.x, self.rect.centery - line // 2, inner.width, line)
        return inner

    def _clip(self, inner: pygame.Rect) -> pygame.Rect:
        """Where the text may be drawn: ``inner``, or for a one-line field the height of the
        whole field inside its border (a line as tall as the field is not cut)."""
        if self.multiline:
            return inner
        border = self.style.border_width + 1
        return pygame.Rect(
            inner.x, self.rect.y + border, inner.width, self.rect.height - 2 * border
        )

    def _lines(self) -> list[tuple[int, int]]:
        text = self._text
        if not self.multiline:
            return [(0, len(text))]
        return wrap_lines(text, self.font, self._inner().width)

    def _line_of(self, lines: list[tuple[int, int]], index: int) -> int:
        for number, (start, end) in enumerate(lines):
            if start <= index <= end:
                # At a soft break the cursor belongs to the start of the next line.
                if index == end and number + 1 < len(lines) and lines[number + 1][0] == index:
                    continue
                return number
        return len(lines) - 1

    def _line_edge(self, to_end: bool) -> int:
        lines = self._lines()
        start, end = lines[self._line_of(lines, self.cursor)]
        return end if to_end else start

    def _vertical(self, step: int) -> int:
        lines = self._lines()
        number = self._line_of(lines, self.cursor)
        target = number + step
        if target < 0:
            return 0
        if target >= len(lines):
            return len(self._text)
        start, _ = lines[number]
        x = self.font.size(self._text[start : self.cursor])[0]
        return self._index_in_line(lines[target], x)

    def _index_in_line(self, line: tuple[int, int], x: int) -> int:
        start, end = line
        best, best_distance = start, abs(x)
        for index in range(start + 1, end + 1):
            distance = abs(self.font.size(self._text[start:index])[0] - x)
            if distance < best_distance:
                best, best_distance = index, distance
        return best

    def index_at(self, pos: tuple[int, int]) -> int:
        """The text index nearest to the screen position ``pos``."""
        inner = self._inner()
        lines = self._lines()
        height = self.font.get_linesize()
        row = (pos[1] - inner.top) // height + self._scroll
        row = max(0, min(len(lines) - 1, row))
        return self._index_in_line(lines[row], pos[0] - inner.left + self._offset_x())

    def rest_offset(self) -> int:
        """How far (px) the text is scrolled left while the field is not focused: 0, or for a
        ``rest_at_end`` field as far as it takes to show the end of a long text."""
        if not self.rest_at_end:
            return 0
        return max(0, self.font.size(self._text)[0] - self._inner().width + 2)

    def _offset_x(self) -> int:
        """Horizontal scroll of a single-line field so that the cursor stays visible."""
        if self.multiline:
            return 0
        inner = self._inner()
        cursor_x = self.font.size(self._text[: self.cursor])[0]
        return max(0, cursor_x - inner.width + 2)

    # ----- drawing -----------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the field; text is wrapped and clipped so that it never leaves ``rect``."""
        style = self.style
        pygame.draw.rect(surface, style.background, self.rect, border_radius=style.radius)
        border = style.focus_border if self.focused else style.border
        width = style.border_width + (1 if self.focused else 0)
        pygame.draw.rect(surface, border, self.rect, width, border_radius=style.radius)
        inner = self._inner()
        height = self.font.get_linesize()
        visible_rows = max(1, inner.height // height)
        lines = self._lines()
        cursor_row = self._line_of(lines, self.cursor)
        if not self.focused:
            # a field at rest shows its text from the start: a long reason opened again read
            # "…generationerne i lokalsamfundet, siger flertallet" – its last two lines
            self._scroll = 0
        elif cursor_row < self._scroll:
            self._scroll = cursor_row
        elif cursor_row >= self._scroll + visible_rows:
            self._scroll = cursor_row - visible_rows + 1
        self._scroll = max(0, min(self._scroll, max(0, len(lines) - visible_rows)))
        previous_clip = surface.get_clip()
        area = self._clip(inner)
        surface.set_clip(area.clip(previous_clip) if previous_clip else area)
        offset = self._offset_x() if self.focused else self.rest_offset()
        if not self._text and not self.composition:
            self._draw_placeholder(surface, inner)
        sel_start, sel_end = self.selection
        for row in range(self._scroll, min(len(lines), self._scroll + visible_rows)):
            start, end = lines[row]
            y = inner.top + (row - self._scroll) * height
            x0 = inner.left - offset
            if sel_start != sel_end and sel_start <= end and sel_end >= start:
                a, b = max(start, sel_start), min(end, sel_end)
                left = x0 + self.font.size(self._text[start:a])[0]
                right = x0 + self.font.size(self._text[start:b])[0]
                pygame.draw.rect(surface, style.selection, (left, y, max(4, right - left), height))
            if end > start:
                image = self.font.render(self._text[start:end], True, style.text)
                surface.blit(image, (x0, y))
            if self.focused and row == cursor_row:
                x = x0 + self.font.size(self._text[start : self.cursor])[0]
                if self.composition:
                    image = self.font.render(self.composition, True, style.text)
                    surface.blit(image, (x, y))
                    pygame.draw.line(
                        surface,
                        style.text,
                        (x, y + height - 2),
                        (x + image.get_width(), y + height - 2),
                    )
                    x += image.get_width()
                pygame.draw.line(surface, style.cursor, (x, y + 2), (x, y + height - 3), 2)
        surface.set_clip(previous_clip)
        if self.show_counter:
            self._draw_counter(surface)

    def placeholder_line(self) -> str:
        """The placeholder of a one-line field as it is shown: what does not fit ends in "…"
        after a whole word."""
        text, width = self.placeholder, self._inner().width
        if self.font.size(text)[0] <= width:
            return text
        words = text.split(" ")
        while len(words) > 1 and self.font.size(" ".join(words) + "…")[0] > width:
            words.pop()
        return " ".join(words).rstrip(" (,") + "…"

    def _draw_placeholder(self, surface: pygame.Surface, inner: pygame.Rect) -> None:
        if not self.placeholder:
            return
        if not self.multiline:
            image = self.font.render(self.placeholder_line(), True, self.style.placeholder)
            surface.blit(image, (inner.left, inner.top))
            return
        lines = wrap_lines(self.placeholder, self.font, inner.width)
        for row, (start, end) in enumerate(lines):
            image = self.font.render(self.placeholder[start:end], True, self.style.placeholder)
            surface.blit(image, (inner.left, inner.top + row * self.font.get_linesize()))

    def _draw_counter(self, surface: pygame.Surface) -> None:
        full = len(self._text) >= self.max_length
        color = self.style.counter_full if full else self.style.counter
        image = self.font.render(f"{len(self._text)}/{self.max_length}", True, color)
        pad = self.style.padding
        if self.multiline:
            pos = (
                self.rect.right - pad - image.get_width(),
                self.rect.bottom - pad - image.get_height(),
            )
        else:
            pos = (
                self.rect.right - pad - image.get_width(),
                self.rect.centery - image.get_height() // 2,
            )
        surface.blit(image, pos)
