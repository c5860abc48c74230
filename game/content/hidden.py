"""Characters one cannot see in an editor, and how a message names them.

A hard space pasted from Word, a zero-width space from a web page or a byte-order mark from two
files joined looks like nothing (or like an ordinary space), but YAML and the deck's rules see
it: an id with a zero-width space is no id, a number with a hard space is text. A message
never shows such a character as it is, nor as a Python escape (``\\u200b``): it names it in
the reader's language ("et hårdt mellemrum (U+00A0)") and says where it stands in the value
("mellem 'ener' og 'gi'").
"""

from __future__ import annotations

import unicodedata

from game.messages import Message, render

HIDDEN_CHARACTERS: dict[str, str] = {
    "\t": "tab",
    "\u00a0": "nbsp",
    "\u202f": "narrow_nbsp",
    "\u2007": "figure_space",
    "\u2009": "thin_space",
    "\u200b": "zero_width_space",
    "\u200c": "invisible",
    "\u200d": "invisible",
    "\u2060": "word_joiner",
    "\ufeff": "bom",
    "\u3000": "wide_space",
    "\u00ad": "soft_hyphen",
}
"""Characters that look like nothing or like a space, and the catalogue's name for each
(``deck.char.<name>``, with the character's code point as ``{code}``)."""

_SPACES = frozenset({"nbsp", "narrow_nbsp", "figure_space", "thin_space", "wide_space", "space"})
"""The names of the characters that look like a space (the rest look like nothing)."""

_SHOWN_AROUND = 12
"""Characters of the value shown on each side of a hidden character."""


def name(char: str) -> str:
    """The catalogue's name of a hidden character (``deck.char.<name>``): one of
    ``HIDDEN_CHARACTERS``, or by its Unicode category another space, an invisible (format)
    character or a control character; "other" for anything else."""
    known = HIDDEN_CHARACTERS.get(char)
    if known is not None:
        return known
    category = unicodedata.category(char)
    if category == "Zs" and char != " ":
        return "space"
    if category == "Cf":
        return "invisible"
    if category in ("Cc", "Zl", "Zp") and char != "\n":
        return "control"
    return "other"


def is_hidden(char: str) -> bool:
    """True for a character that cannot be seen as what it is: ``HIDDEN_CHARACTERS``, spaces
    other than the ordinary one, format and control characters (not a line break)."""
    return name(char) != "other"


def looks_like_space(char: str) -> bool:
    """True for a hidden character that looks like an ordinary space (a hard space …)."""
    return name(char) in _SPACES


def first_hidden(text: str) -> int | None:
    """The index of the first hidden character of ``text``, or None."""
    if text.isascii() and "\t" not in text and text.isprintable():
        return None
    return next((i for i, c in enumerate(text) if is_hidden(c)), None)


def describe(char: str) -> Message:
    """The name of a hidden character as a message ("et hårdt mellemrum (U+00A0)")."""
    key = "line_break" if char == "\n" else name(char)
    return Message.of(f"deck.char.{key}", code=f"{ord(char):04X}")


def as_seen(text: str) -> str:
    """``text`` as an editor shows it: characters that look like a space as a space, the
    others left out; line breaks as spaces (a message is one line)."""
    if first_hidden(text) is None and "\n" not in text:
        return text
    shown = []
    for char in text:
        if char == "\n" or looks_like_space(char):
            shown.append(" ")
        elif not is_hidden(char):
            shown.append(char)
    return "".join(shown)


def _words(text: str) -> str:
    """The start of ``text``, about ``_SHOWN_AROUND`` characters, ending at the end of a word
    ("Beskæftigelse" whole, not "eskæftigelse" – a word cut short reads as a typo) unless
    the word is very long."""
    if len(text) <= _SHOWN_AROUND:
        return text
    end = _SHOWN_AROUND
    while end < len(text) and end < 3 * _SHOWN_AROUND and not text[end].isspace():
        end += 1
    return text[:end]


def place(text: str, index: int) -> Message:
    """Where the hidden character at ``index`` stands in ``text``, by what is seen around it:
    "efter '0.8'", "foran '3'", "mellem 'ener' og 'gi'" (a few characters on each side)."""
    before = _words(as_seen(text[:index]).strip()[::-1])[::-1]
    after = _words(as_seen(text[index + 1 :]).strip())
    if before and after:
        return Message.of("deck.hidden.between", before=before, after=after)
    if before:
        return Message.of("deck.hidden.after", before=before)
    if after:
        return Message.of("deck.hidden.before", after=after)
    return Message.of("deck.hidden.alone")


def fix(char: str, space_fits: bool = False) -> Message:
    """What to do about the hidden character ``char``: delete it, or, where an ordinary space
    would be right (``space_fits``: between two words of a text, after a comma in a list),
    write one instead of a character that looks like a space."""
    if space_fits and looks_like_space(char):
        return Message.of("deck.hidden.fix_space")
    return Message.of("deck.hidden.fix")


def _inside(text: str, index: int) -> bool:
    """True when something is seen on both sides of ``index`` in ``text``."""
    return bool(as_seen(text[:index]).strip() and as_seen(text[index + 1 :]).strip())


def in_value(where: Message | str, text: str, *, warning: bool = False) -> Message | None:
    """ "i 'id' står der et usynligt mellemrum (nulbredde, U+200B) mellem 'ener' og 'gi'; slet
    tegnet" for a value with a hidden character, else None. A value that may hold spaces (an
    area, ``warning``) is a warning: the text differs from the one that is seen."""
    index = first_hidden(text)
    if index is None:
        return None
    char = text[index]
    return Message.of(
        "deck.hidden.in_name" if warning else "deck.hidden.in_value",
        where=where,
        char=describe(char),
        place=place(text, index),
        fix=fix(char, space_fits=warning and _inside(text, index)),
    )


def named(text: str, lang: str = "da") -> str:
    """``text`` with every hidden character (and line break) named in brackets in ``lang``:
    "'ener[et usynligt mellemrum (nulbredde, U+200B)]gi'". This is the fallback for a line
    that must show what is there (a file name, a value quoted in a message): never a Python
    escape. The messages about a value say it better (``in_value``)."""
    if text.isprintable():
        return text
    return "".join(
        c if c == " " or c.isprintable() else f"[{render(describe(c), lang)}]" for c in text
    )
