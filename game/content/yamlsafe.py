"""Reading untrusted YAML into plain values, with the line of every key and value.

Only YAML's plain data types are accepted. The reader refuses, with a ``FILE:LINE`` problem:
files over 1 MiB, text that is not UTF-8, empty files, syntax errors (in Danish, naming a
hidden character such as a tab or a non-breaking space at its true line and column), any tag
that is not plain data (``!!python/object`` and friends are never constructed), aliases
(``*name``: they make "billion laughs" bombs possible and have no use in a deck), nesting
deeper than ``MAX_DEPTH``, duplicate keys, non-text keys and every number YAML could read
differently from what the author meant (``game.content.numbertext``). All text is returned in
Unicode NFC, so "æ" typed on a Mac (NFD) equals "æ" typed on Windows.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from game.content.hidden import HIDDEN_CHARACTERS, as_seen, describe, first_hidden, named
from game.content.numbertext import (
    WORD_QUOTES,
    comma_problem,
    comma_unit_problem,
    looks_like_number,
    plainly_several,
    scalar_problem,
)
from game.messages import Message, render
from game.numbers import split_unit

try:  # libyaml is much faster; the pure-Python loader behaves the same.
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

MAX_BYTES = 1024 * 1024
_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "seq", "map")}
_AS_TEXT_TAGS = {_TAG + "timestamp"}
_STR_TAG = _TAG + "str"
_NUMBER_TAGS = {_TAG + "int", _TAG + "float"}
_BOOL_TAG = _TAG + "bool"
MAX_DEPTH = 20
"""The deepest nesting a deck file may have (a deck needs 5: file, section, card, list, value)."""

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One problem in one file, shown as ``FILE:LINE: message``; ``said`` is the message as
    data (a catalogue key and its parameters), worded in the reader's language by ``text``."""

    file: str
    line: int
    said: Message

    @classmethod
    def of(cls, file: str, line: int, key: str, **params: Any) -> Problem:
        """``Problem.of("a.yaml", 3, "deck.empty_file")``: the message ``key`` at ``line``."""
        return cls(file, line, Message.of(key, **params))

    @property
    def message(self) -> str:
        """The message in Danish (the default language of the game)."""
        return self.worded("da")

    def worded(self, lang: str = "da") -> str:
        """The message alone, in ``lang``."""
        return render(self.said, lang)

    def text(self, lang: str = "da") -> str:
        """``FILE:LINE: message`` in ``lang``, always one line."""
        return f"{named(self.file, lang)}:{self.line}: {named(self.worded(lang), lang)}"

    def __str__(self) -> str:
        return self.text()


@dataclass
class YamlDocument:
    """A YAML file read into plain values, with line numbers per path.

    ``key_lines`` holds the line of each mapping key, ``value_lines`` the line where each value
    starts; paths are tuples of keys and list indexes from the top.
    """

    file: str
    data: Any
    key_lines: dict[Path, int] = field(default_factory=dict)
    value_lines: dict[Path, int] = field(default_factory=dict)
    comments_after: dict[Path, str] = field(default_factory=dict)
    """Unquoted texts followed by a comment on their last line (`` # …``), and the comment:
    YAML ends such a text at the " #" (``plausibility.text_warnings`` says so for prose)."""
    booleans: dict[Path, str] = field(default_factory=dict)
    """Plain words YAML reads as true or false (``no``, ``Yes``, ``off``) as the file writes
    them, by path: a text field's message quotes the word, not YAML's false."""
    problems: list[Problem] = field(default_factory=list)
    """With ``parse(…, lenient=True)``: what was wrong with values that were read (a number
    read two ways, a duplicate key, a tag); the data holds None in their place."""

    def line(self, path: Path) -> int:
        """The best line for ``path``: its key, its value, or the nearest enclosing one."""
        probe = tuple(path)
        while probe:
            if probe in self.key_lines:
                return self.key_lines[probe]
            if probe in self.value_lines:
                return self.value_lines[probe]
            probe = probe[:-1]
        return self.value_lines.get((), 1)

    def start_line(self, path: Path) -> int:
        """The line where the value at ``path`` starts (a card's first line)."""
        probe = tuple(path)
        while probe and probe not in self.value_lines:
            probe = probe[:-1]
        return self.value_lines.get(probe, 1)


class YamlError(Exception):
    """The file could not be read as safe plain YAML."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def _wide_encoding(raw: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" for text saved so: its byte-order mark, or (without one) zero
    bytes in every other (every fourth) place of its first line, as Latin letters have
    there; else None."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = raw[:200]
    if len(head) < 8:
        return None
    zeros = [head[i::4].count(0) / max(1, len(head[i::4])) for i in range(4)]
    if sum(share > 0.8 for share in zeros) == 3:
        return "UTF-32"
    if min(zeros[0], zeros[2]) > 0.8 or min(zeros[1], zeros[3]) > 0.8:
        return "UTF-16"
    return None


_UTF8_LETTER = re.compile(rb"[\xc2-\xdf][\x80-\xbf]")
"""A letter such as æ, ø or å written in UTF-8 (two bytes)."""

ANSI_LETTERS = frozenset("æøåÆØÅéÉüÜöÖäÄ–—‘’“”€§½")
"""The characters of Danish text that Windows-1252 ("ANSI") writes as one byte each."""


def _ansi_letter(raw: bytes, start: int) -> str | None:
    """The character at byte ``start`` when ``raw`` reads whole as Windows-1252 and that byte
    is one of Danish text's letters or marks (``ANSI_LETTERS``); else None."""
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letter = raw[start : start + 1].decode("cp1252")
    return letter if letter in ANSI_LETTERS else None


def decode(raw: bytes, file: str) -> str:
    """The text of a YAML file, after the size, emptiness and UTF-8 checks."""
    if len(raw) > MAX_BYTES:
        raise YamlError(
            [
                Problem.of(
                    file,
                    1,
                    "deck.too_big",
                    mb=MAX_BYTES // (1024 * 1024),
                    bytes=float(MAX_BYTES),
                )
            ]
        )
    wide = _wide_encoding(raw)
    if wide is not None:
        # Notepad's "Unicode": said as such, not "ikke UTF-8" at some line further down
        raise YamlError([Problem.of(file, 1, "deck.wide_encoding", encoding=wide)])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        letter = _ansi_letter(raw, error.start)
        if letter is not None:
            # Notepad's and Excel's "ANSI": said as such, with the letter it holds, not only
            # "ikke UTF-8" (UTF-16 was named, and told where to change it); a file that is
            # UTF-8 elsewhere had the letter pasted in from another program
            key = "deck.ansi_mixed" if _UTF8_LETTER.search(raw) else "deck.ansi"
            raise YamlError([Problem.of(file, line, key, letter=letter)]) from None
        raise YamlError([Problem.of(file, line, "deck.not_utf8")]) from None
    if not text.strip():
        raise YamlError([Problem.of(file, 1, "deck.empty_file")])
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise YamlError([Problem.of(file, line, "deck.nul")])
    garbled = MOJIBAKE.search(text)
    if garbled:
        line = text[: garbled.start()].count("\n") + 1
        sample = garbled.group(0)
        raise YamlError(
            [Problem.of(file, line, "deck.mojibake", sample=sample, meant=_meant(sample))]
        )
    return text


_WRONG_CHARSETS = ("cp1252", "latin-1", "cp850", "cp437", "mac_roman")
"""The character sets a Danish file is wrongly opened in: Windows' ANSI (and Latin-1), the
MS-DOS code pages of Excel's "CSV (MS-DOS)" and a terminal, and Excel's "CSV (Macintosh)"."""

_GARBLED_LETTERS = "æøåÆØÅéÉüÜöÖäÄ–—‘’“”…€§½"
"""The letters and signs a Danish card text holds beyond ASCII."""


def _garbled_forms() -> dict[str, str]:
    """Every form a letter of ``_GARBLED_LETTERS`` takes when its UTF-8 bytes are read in one
    of ``_WRONG_CHARSETS`` and saved as UTF-8 again, once or twice ("Ã¸", "ÃƒÂ¸", "├©",
    "√∏" for ø), mapped to the letter meant."""
    forms: dict[str, str] = {}

    def wrongly(text: str, charset: str) -> str | None:
        try:
            return text.encode("utf-8").decode(charset)
        except UnicodeDecodeError:  # a byte the charset has no sign for
            return None

    for letter in _GARBLED_LETTERS:
        for first in _WRONG_CHARSETS:
            once = wrongly(letter, first)
            if once is None:
                continue
            forms.setdefault(once, letter)
            for second in _WRONG_CHARSETS:
                twice = wrongly(once, second)
                if twice is not None:
                    forms.setdefault(twice, letter)
    return forms


_GARBLED = _garbled_forms()

MOJIBAKE = re.compile(
    "|".join(re.escape(form) for form in sorted(_GARBLED, key=len, reverse=True))
    + "|Ã[\u00a0-\u00bf\u2020\u02dc\u2026\u0080-\u009f]|â€.?"
)
"""UTF-8 letters read in a wrong character set (``_WRONG_CHARSETS``) and saved as UTF-8
again, once or twice: "Ã¦" for æ, "Ã¸" for ø, "ÃƒÂ¸" for ø saved twice, "â€“" for –,
"├©" (MS-DOS) and "√∏" (Macintosh) for ø. A file opened so in an old editor and saved as
UTF-8 reads without an error, but every Danish letter is two or more wrong ones; no Danish
text holds these signs, so the file is refused rather than misread."""


def _meant(sample: str) -> str:
    """The letter ``sample`` (a ``MOJIBAKE`` match) was meant to be, or ``sample`` itself
    when it does not turn back into one."""
    if sample in _GARBLED:
        return _GARBLED[sample]
    for encoding in ("cp1252", "latin-1"):
        try:
            return sample.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue
    return sample


def parse(text: str, file: str, *, lenient: bool = False) -> YamlDocument:
    """Parse YAML text into a ``YamlDocument`` (raises ``YamlError``). With ``lenient`` a
    file whose structure reads but whose values have problems is returned with them in
    ``problems`` (so the caller can check the rest of the file too); a file that does not
    read at all still raises."""
    hidden = _hidden_characters(text, file)
    if hidden:
        raise YamlError(hidden)
    if "*" in text or "&" in text:
        _refuse_aliases(text, file)
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise YamlError([Problem.of(file, 1, "deck.empty_file")])
        document = YamlDocument(file=file, data=None)
        context = _Context(document, loader, text, [])
        document.data = _convert(node, (), context, 0)
    except yaml.MarkedYAMLError as error:
        raise YamlError([_syntax_problem(error, text, file)]) from None
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        raise YamlError(
            [Problem.of(file, line, "deck.bad_char", code=f"{error.character:04X}")]
        ) from None
    except yaml.YAMLError as error:
        message = " ".join(str(error).split())
        raise YamlError([Problem.of(file, 1, "deck.yaml_error", reason=message)]) from None
    except RecursionError:  # only the pure-Python parser recurses while composing
        raise YamlError([Problem(file, 1, _too_deep())]) from None
    finally:
        loader.dispose()
    only_values = len(context.values) == len(context.problems)
    if context.problems and not (lenient and only_values):
        raise YamlError(context.problems)
    document.problems = list(context.values)
    return document


def read(raw: bytes, file: str, *, lenient: bool = False) -> YamlDocument:
    """Decode and parse the bytes of a YAML file (raises ``YamlError``; ``lenient``: see
    ``parse``)."""
    return parse(decode(raw, file), file, lenient=lenient)


def _refuse_aliases(text: str, file: str) -> None:
    """Refuse the first alias (``*navn``), or else the first anchor (``&navn``): an anchor
    alone changes nothing, but says its author means to reuse the value, which the format
    refuses (docs/deck-format.md)."""
    anchored: Problem | None = None
    try:
        events: Iterator[yaml.Event] = yaml.parse(text, Loader=SafeLoader)
        for event in events:
            line = event.start_mark.line + 1 if event.start_mark else 1
            if isinstance(event, yaml.AliasEvent):
                raise YamlError([Problem.of(file, line, "deck.alias", anchor=event.anchor)])
            if isinstance(event, yaml.NodeEvent) and event.anchor and anchored is None:
                anchored = Problem.of(file, line, "deck.anchor", anchor=event.anchor)
    except yaml.YAMLError:
        return  # the parse below reports the error with its line
    if anchored is not None:
        raise YamlError([anchored])


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def _too_deep() -> Message:
    return Message.of("deck.too_deep", depth=MAX_DEPTH)


# --- hidden characters and syntax errors ---------------------------------------------------


def _hidden_characters(text: str, file: str) -> list[Problem]:
    """A byte-order mark anywhere but at the start, and characters that look like spaces in
    the indentation of a line: YAML does not see them as spaces, and reads the line (or the
    next one) differently from how it looks. Tabs are left to the parser, which refuses them
    where they matter; the syntax error then names them."""
    if text.isascii():
        return []
    problems: list[Problem] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.isascii():
            continue
        column = next(
            (i for i, c in enumerate(line) if c not in " \t" and c not in HIDDEN_CHARACTERS),
            len(line),
        )
        found = next(
            (i for i, c in enumerate(line[:column]) if c in HIDDEN_CHARACTERS and c != "\t"),
            None,
        )
        if found is None and "\ufeff" in line:
            found = line.index("\ufeff")
        if found is None:
            continue
        key = "deck.bom_inside" if line[found] == "\ufeff" else "deck.hidden_indent"
        problems.append(Problem.of(file, number, key, char=describe(line[found]), column=found + 1))
    return problems


_SYNTAX: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), m)
    for p, m in (
        (r"tab character", "tab"),
        (r"cannot start any token", "cannot_start"),
        (r"mapping values are not allowed", "colon"),
        (r"did not find expected key|expected <block end>", "indent"),
        (r"expected '-' indicator", "dash"),
        (r"expected ',' or '\]'", "flow_list"),
        (r"expected ',' or '}'", "flow_map"),
        (r"unexpected end of stream", "quote_end"),
        (r"unknown escape character", "escape"),
        (r"found another document|expected .?<document start>", "documents"),
        (r"directive", "directive"),
        (r"alphabetic or numeric character", "anchor"),
        (r"expected node content", "no_value"),
        (r"could not find expected ':'", "no_colon"),
        (r"block sequence entries are not allowed|sequence entries are not allowed", "list_item"),
        (r"mapping keys are not allowed", "key"),
        (r"undefined tag handle", "tag_handle"),
        (r"maximum nesting depth", "too_deep"),
        (r"comment or line break|whitespace or line break", "trailing"),
    )
]
"""PyYAML's (and libyaml's) problem texts and the catalogue's word for each
(``deck.syntax.<name>``)."""


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, file: str) -> Problem:
    """A message for a syntax error, at the hidden character that caused it when there is one
    on the line (or the first of the line's indentation)."""
    mark = error.problem_mark or error.context_mark
    if error.context_mark is not None and "could not find expected ':'" in (error.problem or ""):
        # the parser notices the missing colon on the next line; the key that lacks it (or
        # has a hard space after it) is where the context mark points
        mark = error.context_mark
    lines = text.split("\n")
    last = len(lines) - (1 if text.endswith("\n") else 0)
    line = max(1, min(mark.line + 1 if mark is not None else 1, last))
    column = mark.column if mark is not None else 0
    row = lines[line - 1] if line - 1 < len(lines) else ""
    char = row[column] if column < len(row) else ""
    problem = error.problem or ""
    indent = row[: len(row) - len(row.lstrip(" \t"))]
    hidden_at = column if char in HIDDEN_CHARACTERS else indent.find("\t")
    if hidden_at < 0:  # a hard space after a key's colon makes the line no key at all
        hidden_at = next((i for i, c in enumerate(row) if c in HIDDEN_CHARACTERS), -1)
    if hidden_at >= 0:
        key = "deck.syntax.hidden" if hidden_at < len(indent) else "deck.syntax.hidden_inline"
        return Problem.of(file, line, key, char=describe(row[hidden_at]), column=hidden_at + 1)
    reason = (
        Message.of("deck.syntax.raw", reason=problem)
        if problem
        else Message.of("deck.syntax.invalid")
    )
    for pattern, name in _SYNTAX:
        if pattern.search(problem):
            if name == "too_deep":
                reason = _too_deep()
                break
            if name == "dash" and _STRUCTURE.match(row) and not row.lstrip().startswith("-"):
                # a field indented less than the fields above it (3 spaces among 4): YAML
                # then expects the list's next '- ', but the fault is the indentation
                name = "indent"
            shown = (
                Message.of("deck.syntax.the_char_shown", char=char)
                if char.strip()
                else Message.of("deck.syntax.the_char")
            )
            reason = Message.of(f"deck.syntax.{name}", char=shown)
            bare = _bare_key_above(lines[:line]) if name in ("documents", "colon") else None
            if (
                bare is None
                and name == "colon"
                and _field_without_colon(lines[line - 2 : line - 1])
            ):
                bare = line - 1  # the field before the mark's line lacks its colon
            if bare is not None:
                # "proposals" without its colon over a list: PyYAML reads a text and then
                # a second document, and "more than one YAML document" sent the author
                # looking for a '---' that is not there ("deck" over its fields: "put the
                # text in quotes", at the line after)
                line, reason = bare, Message.of("deck.syntax.no_colon", char=shown)
            elif name == "colon" and re.search(r"(?::|-)\s+[“”„‟‘‚]", row):
                # "title: ”Halvér: kulturpuljerne”" was told to put the text in quotes
                reason = Message.of("deck.syntax.word_quotes")
            break
    quote = _unclosed_quote(lines[:line])
    if quote is not None and quote != line:
        reason = Message.of("deck.syntax.check_quote", reason=reason, line=quote)
    for number in (line, line - 1):  # the mark may stand on the line after
        inner = _inner_quote(lines[number - 1]) if 0 < number <= len(lines) else None
        if inner is not None:
            # inside "…" a quote is written \", inside '…' as two: ''
            cure = '\\"' if inner == '"' else "''"
            return Problem.of(file, number, "deck.syntax.inner_quote", quote=inner, cure=cure)
    return Problem.of(file, line, "deck.syntax", reason=reason)


_FIELD_AND_VALUE = re.compile(r"\s*(?:-\s+)?([a-z_]+)\s+[^\s:#][^:]*")
"""A line that reads as a field's name and its value without the colon: "- id skole-luk"."""


def _field_without_colon(rows: Sequence[str]) -> bool:
    """True when ``rows`` is one line with a deck field's name and a value but no colon
    between them ("  - id rengoering-3-uger"): YAML reads it as one text and stumbles only on
    the next line's colon."""
    from game.content.schema import DeckHeader, EventSpec, ProposalSpec, ScenarioSpec

    found = _FIELD_AND_VALUE.fullmatch(rows[0].rstrip()) if len(rows) == 1 else None
    if found is None:
        return False
    models = (DeckHeader, ProposalSpec, EventSpec, ScenarioSpec)
    return any(found.group(1) in model.model_fields for model in models)


def _bare_key_above(lines: Sequence[str]) -> int | None:
    """The number of the last line of ``lines`` that is a bare name at the start of the line
    ("proposals", no colon), when it is the last line with anything but a comment; else None."""
    for number in range(len(lines), 0, -1):
        row = lines[number - 1]
        text = row.split("#", 1)[0].rstrip()
        if not text.strip():
            continue
        if re.fullmatch(r"[A-Za-zÆØÅæøå_][\wÆØÅæøå-]*", text):
            return number
        if number < len(lines):  # the line before the mark has other content: not this case
            return None
    return None


def _inner_quote(row: str) -> str | None:
    """The quote character of a value that closes its quote and goes on with more text
    (``text: "holder "lørdagslukket" fremover."``): a quote inside the text ended it; None
    otherwise."""
    match = _QUOTED_START.match(row)
    if match is None:
        return None
    quote = match.group(1)
    rest = row[match.end() :]
    if quote == '"':
        closing = re.search(r'(?<!\\)(?:\\\\)*"', rest)
        after = rest[closing.end() :] if closing else ""
    else:
        closing = re.search(r"'(?!')", rest.replace("''", "__"))
        after = rest[closing.end() :] if closing else ""
    after = after.strip()
    # a quoted key ('"title": …', as a deck written as JSON has them) or an item of a flow
    # list or mapping goes on after its quote by right
    return quote if closing and after and after[0] not in "#:,]}" else None


_QUOTED_START = re.compile(r"^\s*(?:-\s+)?(?:[^\s\"'#][^:#]*:\s+)?([\"'])")


def _unclosed_quote(lines: list[str]) -> int | None:
    """The first line whose value opens a quote it does not close, followed by a line that
    looks like the next field or list item rather than more text: the usual cause when YAML
    stumbles many lines later."""
    for number, (row, following) in enumerate(itertools.pairwise(lines), start=1):
        match = _QUOTED_START.match(row)
        if match is None or not _STRUCTURE.match(following):
            continue
        quote = match.group(1)
        rest = row[match.end() :]
        if quote == '"':
            closed = re.search(r'(?<!\\)(?:\\\\)*"', rest) is not None
        else:
            closed = "'" in rest.replace("''", "")
        if not closed:
            return number
    return None


_STRUCTURE = re.compile(r"^\s*(?:-\s|[A-Za-z_][\w.-]*:(?:\s|$))")


# --- nodes to values ------------------------------------------------------------------------


@dataclass
class _Context:
    """What ``_convert`` needs besides the node: where to put lines, the loader that
    constructs scalars, the source text (for commas in flow lists) and the problems found."""

    document: YamlDocument
    loader: Any
    text: str
    problems: list[Problem]
    skip: set[int] = field(default_factory=set)
    values: list[Problem] = field(default_factory=list)
    too_deep: bool = False
    _lines: list[str] | None = None

    def problem(self, line: int, message: Message) -> None:
        self.problems.append(Problem(self.document.file, line, message))

    def line_text(self, index: int) -> str:
        """The source's line ``index`` (0-based), or "" past its end."""
        if self._lines is None:
            self._lines = self.text.splitlines()
        return self._lines[index] if index < len(self._lines) else ""

    def value_problem(self, line: int, message: Message) -> None:
        """A number written so it reads wrong: the file's structure still reads, so a lenient
        parse returns it with this problem and None in the value's place."""
        found = Problem(self.document.file, line, message)
        self.problems.append(found)
        self.values.append(found)


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _convert(node: yaml.Node, path: Path, context: _Context, depth: int) -> Any:
    line = node.start_mark.line + 1
    document = context.document
    document.value_lines[path] = line
    if depth > MAX_DEPTH:
        if not context.too_deep:
            context.too_deep = True
            context.problem(line, _too_deep())
        return None
    tag = node.tag
    if tag not in _PLAIN_TAGS and tag not in _AS_TEXT_TAGS:
        context.problem(line, Message.of("deck.tag", tag=_tag_name(tag)))
        return None
    flow = isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.flow_style
    if flow and not (path and path[-1] in WHOLE_LISTS):
        _check_commas(node, context)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        merged = False  # a second card's fields fell into this one ("deck.card_without_dash")
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _TAG + "str":
                context.problem(key_line, Message.of("deck.key_not_text"))
                continue
            key = _nfc(str(key_node.value))
            hidden = (
                next((c for c in key if c in HIDDEN_CHARACTERS), None)
                if not key.isascii() or "\t" in key
                else None
            )
            if hidden is not None:
                column = key_node.start_mark.column + key.index(hidden) + 1
                context.problem(
                    key_line,
                    Message.of(
                        "deck.key_hidden",
                        name=as_seen(key).strip(),
                        char=describe(hidden),
                        column=column,
                    ),
                )
                continue
            if key in result:
                # the file still reads (the first value stands): a lenient parse goes on, so
                # that one field written twice does not hide every other fault of the file
                if key == "id" and path and isinstance(path[-1], int) and not merged:
                    # a card's "- " left out: the next card's fields fell into this one, and
                    # each was said to stand twice
                    said = Message.of("deck.card_without_dash", id=str(value_node.value))
                    context.value_problem(key_line, said)
                    merged = True
                elif not merged:
                    context.value_problem(key_line, Message.of("deck.key_twice", name=key))
                continue
            child = (*path, key)
            document.key_lines[child] = key_line
            result[key] = _convert(value_node, child, context, depth + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, i), context, depth + 1) for i, item in enumerate(node.value)]
    if tag in _AS_TEXT_TAGS or tag == _STR_TAG:
        if tag == _STR_TAG and isinstance(node, yaml.ScalarNode) and not node.style:
            rest = context.line_text(node.end_mark.line)[node.end_mark.column :].strip()
            if rest.startswith("#"):
                document.comments_after[path] = rest
        return _nfc(str(node.value))
    # a plain scalar: its constructor directly (what construct_object would call, without the
    # bookkeeping for anchors and recursion, which cannot occur here)
    try:
        value = context.loader.yaml_constructors[tag](context.loader, node)
    except (ValueError, OverflowError):  # e.g. an integer of 5,000 digits, or "0x_"
        context.value_problem(line, Message.of("deck.not_a_number", text=str(node.value)[:20]))
        return None
    if tag == _BOOL_TAG and isinstance(node, yaml.ScalarNode):
        document.booleans[path] = str(node.value)
    if tag in _NUMBER_TAGS and id(node) not in context.skip:
        message = scalar_problem(str(node.value), value)
        if message is not None:
            context.value_problem(line, message)
            return None
    return value


def _is_number(node: yaml.Node) -> bool:
    """A plain scalar that YAML reads as a number, or that looks like one ("–1", "1.000.0")."""
    if not isinstance(node, yaml.ScalarNode) or node.style:
        return False
    if first_hidden(str(node.value)) is not None:
        # "1,<hard space>3": the space after the comma is there, but YAML does not see it; the
        # check of the number names the character (a comma message would ask for a space)
        return False
    # "[“2,5”]" from Word: YAML reads "“2" and "5”", a decimal comma inside Word's quotes
    return node.tag in _NUMBER_TAGS or looks_like_number(str(node.value).strip(WORD_QUOTES))


WHOLE_LISTS = frozenset({"rounds"})
"""Fields that list whole numbers (an event's rounds): "[2,3]" there can only be two numbers,
so it is read as written instead of asked about as a decimal comma."""


def _check_commas(node: yaml.Node, context: _Context) -> None:
    """Numbers with a comma directly between them in a flow list or mapping (``[1,5]``): a
    Danish decimal comma that YAML reads as two numbers. Each run is one problem, at the
    line of its first comma; its numbers are not checked again one by one."""
    if isinstance(node, yaml.MappingNode):
        children = [child for pair in node.value for child in pair]
    else:
        children = list(node.value)
    run: list[yaml.Node] = []

    def flush() -> None:
        if len(run) > 1 and not plainly_several([str(n.value) for n in run]):
            context.skip.update(id(n) for n in run)
            line = run[0].end_mark.line + 1
            written = [str(n.value) for n in run]
            parts = [part.strip(WORD_QUOTES) for part in written]
            with_unit = not _is_number(run[-1])
            problem = comma_unit_problem(parts) if with_unit else comma_problem(parts)
            problem = problem or comma_problem(parts)
            if parts != written:  # "“2,5”": the quotes first, then the comma
                text = ",".join(written)
                problem = Message.of("deck.number.word_quotes_and", text=text, then=problem)
            context.value_problem(line, problem)
        run.clear()

    for before, after in itertools.pairwise(children):
        touching = context.text[before.end_mark.index : after.start_mark.index] == ","
        if touching and _is_number(before) and (_is_number(after) or _has_unit(after)):
            if not run:
                run.append(before)
            run.append(after)
            if not _is_number(after):  # "7 mio. kr." ends the amount
                flush()
        else:
            flush()
    flush()


def _has_unit(node: yaml.Node) -> bool:
    """A plain scalar that is a number with a unit after it ("7 mio. kr."), as the rest of a
    Danish amount whose decimal comma split it in a flow list."""
    if not isinstance(node, yaml.ScalarNode) or node.style:
        return False
    number, unit = split_unit(str(node.value))
    return unit is not None and looks_like_number(number)
