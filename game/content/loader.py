"""The one deck loader: YAML files in, a validated ``Deck`` out, or every problem as
``FILE:LINE: message``.

The game, ``raaderum validate`` and the save loader all come through here, so a broken deck
never starts a game and a deck inside a save passes the same guards as one on disk.
"""

from __future__ import annotations

import errno
import hashlib
import itertools
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from game.content import glyphs, hidden, plausibility
from game.content.crosschecks import (
    check_amounts,
    check_calendar_years,
    check_requirements,
    check_version_fields,
)
from game.content.hints import HintBudget, IdIndex
from game.content.numbertext import (
    list_problem,
    meant_as_percent,
    one_number,
    text_problem,
    yaml_number,
)
from game.content.schema import (
    DEFAULT_UNIT,
    ID_MAX,
    ID_PATTERN,
    KIND_DEFAULTS,
    KIND_NAMES,
    MAX_UNIT_LENGTH,
    SECTIONS,
    WELFARE_AREAS,
    DeckHeader,
    ProposalSpec,
    ScenarioSpec,
    unit_scale,
)
from game.content.validation_messages import id_spelling, message, number_text, show
from game.content.validation_messages import unknown_field as _unknown_key
from game.content.yamlsafe import MAX_BYTES, Problem, YamlDocument, YamlError, read
from game.engine import ledger
from game.engine.model import KINDS, Deck, Event, Kind, Proposal, Scenario
from game.engine.rules import MAX_TARGET
from game.messages import Message
from game.numbers import split_unit, usual_unit
from game.paths import command_word, is_litter

TOP_KEYS = ("deck", "proposals", "events", "scenarios")
MAX_FILES = 200


class DeckError(Exception):
    """A deck that cannot be played; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled with its problems (by its text alone, it came back one character a line)
        return (DeckError, (self.problems,))

    def lines(self, lang: str = "da") -> list[str]:
        """Every problem as ``FILE:LINE: message`` in ``lang``."""
        return [problem.text(lang) for problem in self.problems]


@dataclass
class _Item:
    """A validated card with the document and path it came from (for cross-checks)."""

    spec: Any
    doc: YamlDocument
    path: tuple[str | int, ...]


CATALOGUE_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
"""Files that hold a catalogue (``raaderum import`` makes them a deck), not a deck."""


def deck_files(path: Path) -> list[Path]:
    """The YAML files that make up the deck at ``path`` (a file or a folder), also those that
    cannot be read (``_read_limited`` says why). In a folder, hidden files and editor or
    system litter (``._besparelser.yaml`` from a Mac, ``~$…``, ``….yaml~``; see
    ``game.paths.is_litter``) are not part of the deck."""
    if path.is_dir():
        files = sorted(
            p
            for p in path.iterdir()
            # a file that cannot be read (a broken link, a FIFO) is part of the deck and said
            # as such (it was left out, and the deck passed with "0 hændelser")
            if p.suffix.lower() in (".yaml", ".yml") and not is_litter(p.name) and not p.is_dir()
        )
        return files
    return [path]


_PICTURES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF")
"""How a picture or a PDF begins: given as a deck, it was said to be "not UTF-8"."""


def _other_file(raw: bytes) -> str | None:
    """What a file given as a deck is instead, when it is one of the game's other files or
    no text: "save" (a saved game), "schema" (the deck format's JSON Schema), "picture" (a
    screenshot or a PDF), else None. A save given as a deck got 15 'ukendt felt' lines."""
    if raw.startswith(_PICTURES):
        return "picture"
    head = raw[:4096].decode("utf-8", errors="replace")
    if '"raaderum-save"' in head:
        return "save"
    if '"$schema"' in head and "json-schema.org" in head:
        return "schema"
    return None


def _unit_place(documents: Sequence[YamlDocument]) -> tuple[str, int] | None:
    """(file, line) of the header's ``unit:``, where a wrong unit is put right; None when the
    deck does not write one (the default unit)."""
    for doc in documents:
        header = doc.data.get("deck") if isinstance(doc.data, dict) else None
        if isinstance(header, dict) and "unit" in header:
            return doc.file, doc.line(("deck", "unit"))
    return None


def load_deck(
    path: str | Path, warnings: list[Problem] | None = None, *, deep: bool = False
) -> Deck:
    """Load and validate the deck at ``path`` (file or folder); raises ``DeckError``.

    ``warnings``, when given, receives what does not stop the deck but may be a mistake, as
    ``Problem``s (``FILE:LINE: advarsel: …``): characters the game's fonts cannot draw,
    amounts that look written in another unit or with the other sign, a market larger than
    the pile, construction that can never fit, amounts after a scenario's last year, a
    forgotten source, and the like (``plausibility.deck_warnings``). With ``deep`` (``raaderum
    validate``) also a scenario target the pile cannot meet without luck
    (``plausibility.luck_warnings``: an integer program per scenario, up to seconds each).
    """
    path = Path(path)
    label = str(path)
    try:
        if not path.exists():
            if path.is_absolute():
                raise DeckError([Problem.of(label, 1, "deck.missing")])
            # "decks/standard" typed outside the game's folder (the README's example): said
            # where it was looked for
            here = Problem.of(label, 1, "deck.missing_here", folder=str(Path.cwd()))
            raise DeckError([here])
        files = deck_files(path)
    except OSError as error:
        raise DeckError([Problem(label, 1, os_error_text(error))]) from None
    if not files:
        raise DeckError([Problem.of(label, 1, "deck.no_files")])
    if path.is_file() and path.suffix.lower() in CATALOGUE_SUFFIXES:
        # a budget office's catalogue is a deck only once imported
        said = {"path": label, "word": command_word(label)}  # pasted whole, spaces and all
        raise DeckError([Problem.of(label, 1, "deck.is_catalogue", **said)])
    if len(files) > MAX_FILES:
        raise DeckError([Problem.of(label, 1, "deck.too_many_files", most=MAX_FILES)])
    sources: list[tuple[str, bytes]] = []
    unread: list[Problem] = []
    for file in files:  # every file that cannot be read, said in one go
        try:
            sources.append((str(file), _read_limited(file)))
        except DeckError as error:
            unread += error.problems
    if unread:
        raise DeckError(unread)
    # a save, the schema or a picture given as a deck, or renamed into a deck folder (a
    # save called deck.yaml got 15 "ukendt felt" lines)
    others = [
        Problem.of(name, 1, f"deck.is_{other}", path=name, word=command_word(name))
        for name, raw in sources
        if (other := _other_file(raw)) is not None
    ]
    if others:
        raise DeckError(others)
    return load_sources(sources, warnings, deep=deep)


_OS_ERRORS = {
    errno.ENAMETOOLONG: "name_too_long",
    errno.EACCES: "no_access",
    errno.EPERM: "no_access",
    errno.ENOTDIR: "not_dir",
    errno.EISDIR: "is_dir",
    errno.ELOOP: "loop",
    errno.EIO: "io",
    errno.EINVAL: "invalid",
}
"""The errors of reading a deck file, by errno, and their messages (``deck.os.<name>``)."""


def os_error_text(error: OSError) -> Message:
    """What went wrong reading a file, without the system's English text."""
    if error.errno == errno.ENOENT:
        return Message.of("deck.missing")
    known = _OS_ERRORS.get(error.errno or 0)
    if known is not None:
        return Message.of("deck.unreadable", reason=Message.of(f"deck.os.{known}"))
    code = errno.errorcode.get(error.errno or 0, "?")
    return Message.of("deck.unreadable_code", code=code)


def _read_limited(file: Path) -> bytes:
    """The bytes of a regular file, reading no more than one byte past the size limit (so a
    huge file, a device or a pipe is refused quickly instead of filling memory or hanging)."""
    try:
        if not file.is_file():
            raise DeckError([Problem.of(str(file), 1, "deck.not_a_file")])
        with file.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)  # yamlsafe reports "for stor" past MAX_BYTES
    except OSError as error:
        raise DeckError([Problem(str(file), 1, os_error_text(error))]) from None


def load_sources(
    sources: Sequence[tuple[str, bytes | str]],
    warnings: list[Problem] | None = None,
    *,
    deep: bool = False,
) -> Deck:
    """Load a deck from (file name, content) pairs, e.g. the copy inside a save.

    ``warnings``, when given, receives what does not stop the deck, and with ``deep`` what
    the optimiser finds (see ``load_deck``).
    """
    problems: list[Problem] = []
    values: list[Problem] = []
    documents: list[YamlDocument] = []
    texts: list[tuple[str, str]] = []
    for name, content in sources:
        raw = content.encode("utf-8") if isinstance(content, str) else content
        try:
            document = read(raw, name, lenient=True)
        except YamlError as error:
            foreign = _foreign_keys(raw) if len(sources) > 1 else None
            if foreign is not None:
                # a GitHub workflow ("on:" is a yes/no to YAML) in the deck folder was told
                # that a key must be text, not that the file is no part of the deck
                problems.append(Problem.of(name, 1, "deck.not_deck_file", keys=foreign))
                continue
            empty = [p for p in error.problems if p.said.key == "deck.empty_file"]
            if empty and len(error.problems) == 1 and len(sources) > 1:
                # a file of a folder deck with only comments (a part not written yet): skipped
                if warnings is not None:
                    warnings.append(Problem.of(name, 1, "deck.empty_file_skipped"))
                continue
            problems.extend(error.problems)
            continue
        documents.append(document)
        values.extend(document.problems)  # the file reads: the rest of it is checked too
        texts.append((Path(name).name, raw.decode("utf-8-sig")))
        if warnings is not None:
            warnings.extend(font_warnings(document))
    order = [name for name, _ in sources]
    if problems or values:
        # A file that cannot be read hides its ids and blocks from the checks across files:
        # every reference to them would be reported as unknown. Report the unreadable files
        # and what the other files get wrong on their own (each card against the format, ids
        # given twice); the references across files are checked once every file reads.
        # A value read wrong (a number read two ways …) stands in for what the checks say
        # about the None left in its place: one message per line.
        found: list[Problem] = []
        _build(documents, found, across_files=not problems)
        taken = {(p.file, p.line) for p in values}
        rest = [p for p in found if (p.file, p.line) not in taken]
        raise DeckError(_ranked([*problems, *values, *rest], order))
    deck = _checked(documents, problems, order)
    if warnings is not None:
        found = plausibility.deck_warnings(deck, documents)
        if deep:
            found.extend(plausibility.luck_warnings(deck, documents))
        warnings.extend(_ranked(found, order))
    return _with_hash(deck, tuple(texts))


_TOP_KEY = re.compile(r"^([^\s#\-\[{'\"][^:\n]*?)\s*:(?:[ \t]|$)", re.MULTILINE)
"""A key at the start of a line of a YAML file: its top-level keys, read from the text."""


def _foreign_keys(raw: bytes) -> str | None:
    """The first top-level keys of a file that YAML cannot read as a deck file, written as
    "'name', 'on', 'jobs'", when none of them is a field of a deck or close to one: another
    program's file, not a deck file with a mistake; else None."""
    text = raw.decode("utf-8", errors="replace")
    keys = [match.group(1).strip() for match in _TOP_KEY.finditer(text)]
    if not keys or any(
        key in TOP_KEYS or _unknown_key(key, TOP_KEYS).key != "field.unknown" for key in keys
    ):
        return None
    return ", ".join(f"'{key}'" for key in keys[:3])


def load_documents(documents: Sequence[YamlDocument]) -> Deck:
    """Load a deck from documents that are already read, e.g. the sheets of a workbook
    (``game.catalogue``), whose ``key_lines`` and ``value_lines`` give each cell a number of
    its own: every problem names that number as its line, so the caller can name the cell.

    Raises ``DeckError`` with every problem, in the order of the documents and then of the
    lines. The deck has no ``sources`` (a caller that keeps the deck writes it as YAML first).
    """
    deck = _checked(list(documents), [], [doc.file for doc in documents], authored=False)
    return _with_hash(deck, ())


def _checked(
    documents: list[YamlDocument],
    problems: list[Problem],
    order: list[str],
    *,
    authored: bool = True,
) -> Deck:
    """The deck built from ``documents``, or ``DeckError`` with ``problems`` and every problem
    found, ranked by the position of their file in ``order`` and then by line (``authored``:
    see ``_build``)."""
    deck = _build(documents, problems, authored=authored)
    if problems or deck is None:
        raise DeckError(_ranked(problems, order))
    return deck


def _ranked(problems: list[Problem], order: list[str]) -> list[Problem]:
    """``problems`` without repeats, by the position of their file in ``order``, then line.
    A file told to be a copy of another is told that alone: its deck header, scenarios and
    cards are the original's a second time ("deckhovedet står to gange" and the like)."""
    copies = {p.file for p in problems if p.said.key in _COPY_KEYS}
    kept = [p for p in problems if p.said.key in _COPY_KEYS or not _about(p, copies)]
    rank = {name: i for i, name in reversed(list(enumerate(order)))}
    return sorted(_unique(kept), key=lambda p: (rank.get(p.file, 0), p.line))


_COPY_KEYS = (
    "deck.copy_of",
    "deck.copy_cards",
    "deck.copy_changed.one",
    "deck.copy_changed.many",
)
"""The messages that name a file as a copy of another (``_copies_folded``)."""


def _about(problem: Problem, files: set[str]) -> bool:
    """True when ``problem`` stands in one of ``files`` or names one ("står også i …")."""
    if problem.file in files:
        return True
    named = [str(value) for value in problem.said.kwargs.values()]
    return any(text == f or text.startswith(f"{f}:") for text in named for f in files)


def font_warnings(doc: YamlDocument) -> list[Problem]:
    """One warning per line with text the game's fonts cannot draw (shown without them);
    also the import's, which reads a workbook into documents of its own."""
    covered = glyphs.coverage()
    if covered is None:
        return []
    by_line: dict[int, list[str]] = {}
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), doc.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(((*path, k), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend(((*path, i), v) for i, v in enumerate(value))
        elif isinstance(value, str):
            lacking = glyphs.missing(value, covered)
            if lacking:
                # the line its text starts on (a workbook's documents know the cell's key)
                line = doc.start_line(path) if path in doc.value_lines else doc.line(path)
                seen = by_line.setdefault(line, [])
                seen.extend(c for c in lacking if c not in seen)
    return [
        Problem.of(doc.file, line, "deck.font_warning", chars=glyphs.describe(chars))
        for line, chars in sorted(by_line.items())
    ]


def _unique(problems: Iterable[Problem]) -> list[Problem]:
    seen: set[tuple[str, int, Message]] = set()
    result: list[Problem] = []
    for problem in problems:
        key = (problem.file, problem.line, problem.said)
        if key not in seen:
            seen.add(key)
            result.append(problem)
    return result


def _build(
    documents: list[YamlDocument],
    problems: list[Problem],
    *,
    across_files: bool = True,
    authored: bool = True,
) -> Deck | None:
    """The deck of ``documents``, or None with every problem added to ``problems``. Without
    ``across_files`` (a file of the deck could not be read) only what each file holds on its
    own is checked: the cards against the format and ids given twice, not references to
    other files, the deck header or whether the deck can be won. ``authored``: files an
    author wrote, where "proposals:" with nothing under it is a deck without proposals (said
    once, not an unknown id per reference); a workbook's documents (False) leave an unread
    sheet and the references to it to the import, which says them in the workbook's words."""
    headers: list[tuple[DeckHeader | None, YamlDocument]] = []
    items: dict[str, list[_Item]] = {name: [] for name in SECTIONS}
    misspelt: set[str] = set()  # the sections a misspelt top-level key meant ("Proposals")
    astray: set[str] = set()  # the ids of the cards under such a key
    unit = _written_unit(documents)
    for doc in documents:
        if not isinstance(doc.data, dict):
            problems.append(Problem.of(doc.file, 1, _not_a_mapping(doc.data)))
            continue
        unknown = [(key, _unknown_key(key, TOP_KEYS)) for key in doc.data if key not in TOP_KEYS]
        misspelt.update(str(s.kwargs.get("close")) for _, s in unknown if s.key.endswith("_close"))
        for key, said in unknown:
            # the cards under "Proposals:" (or "forslag:"): their ids are said once, with the
            # key, not as "ukendt forslag" wherever another file names them
            section = str(said.kwargs.get("close")) if said.key.endswith("_close") else ""
            if section in ("proposals", "events") and isinstance(doc.data[key], list):
                astray.update(
                    str(card["id"])
                    for card in doc.data[key]
                    if isinstance(card, dict) and isinstance(card.get("id"), str)
                )
        if (
            doc.data
            and len(unknown) == len(doc.data)
            and all(said.key == "field.unknown" for _, said in unknown)
        ):
            # no field of a deck, and none misspelt: another program's file (a
            # docker-compose.yml, a notes file) in the deck folder
            keys = ", ".join(f"'{key}'" for key, _ in unknown[:3])
            problems.append(Problem.of(doc.file, 1, "deck.not_deck_file", keys=keys))
            continue
        for key, said in unknown:
            problems.append(Problem(doc.file, doc.line((key,)), said))
        if "deck" in doc.data:
            header = _validate(DeckHeader, doc.data["deck"], doc, ("deck",), problems)
            if header is not None:
                headers.append((header, doc))
            elif doc.data["deck"] is not None:
                headers.append((None, doc))
        for section, model in SECTIONS.items():
            if section not in doc.data:
                continue
            cards = doc.data[section]
            if cards is None:
                continue
            if not isinstance(cards, list):
                problems.append(
                    Problem.of(doc.file, doc.line((section,)), "deck.section_list", section=section)
                )
                continue
            for index, card in enumerate(cards):
                spec = _validate(model, card, doc, (section, index), problems, unit)
                if spec is not None:
                    items[section].append(_Item(spec, doc, (section, index)))
    known: dict[str, dict[str, _Item]] = {}
    before_ids = len(problems)
    for section in ("proposals", "events", "scenarios"):
        known[section] = _check_unique(_raw_items(documents, section), section, problems)
    problems[before_ids:] = _copies_folded(problems[before_ids:], documents)
    if not across_files:
        for item in items["scenarios"]:
            _check_years(item, problems)
        return None
    header = _check_header(headers, documents, problems)
    proposals = {item.spec.id: item for item in items["proposals"]}
    events = known["events"]
    budget = HintBudget()
    # an id the format refuses is never suggested ("mente du 'vejvedligehold-ø'?"), but the
    # spelling its card is told to take is: a card renamed "s-skole-luk-ø" left its old name
    # in a scenario, which was told "mente du 'e-skole-ledelse'?" beside "skriv
    # 's-skole-luk-oe'" at the card
    hints = {
        section: IdIndex(_suggestable(known[section]), budget)
        for section in ("proposals", "events")
    }
    # every id a card names is checked on the card as written, also when the format refused
    # the card for something else, so one run names every problem
    before_refs = len(problems)
    _check_all_refs(documents, {"proposals": known["proposals"], "events": events}, hints, problems)
    # a card swallowed by the card above (its "- " missing) is said once, where it stands
    swallowed = {
        str(p.said.kwargs.get("id"))
        for doc in documents
        for p in doc.problems
        if p.said.key == "deck.card_without_dash"
    }
    for section in ("proposals", "events"):
        # "Proposals:" or "Events:" was said (and "dækket har ingen forslag" is), or no
        # proposal is written at all ("proposals:" with nothing under it): not every id after
        # it (events are optional: a scenario's unknown event is said in a deck without any)
        none = authored and section == "proposals" and not _written_cards(documents, section)
        lost = not known[section] and (section in misspelt or none)
        problems[before_refs:] = [
            p
            for p in problems[before_refs:]
            if not (
                _says_unknown(p, section)
                and (lost or p.said.kwargs.get("ref") in swallowed | astray)
            )
        ]
    for item in items["proposals"]:
        _check_excludes(item, problems)
    check_requirements(proposals, known["proposals"], problems)
    if header is not None:
        check_version_fields(header.schema_version, documents, problems)
        check_amounts(header.unit, items, problems, _unit_place(documents))
    else:
        # the header was refused for another field ("language: dk"): the version and unit it
        # writes still check the cards, so that this run names their errors too (the docs
        # promise every error of a step at once)
        version = _written_version(documents)
        if version is not None:
            check_version_fields(version, documents, problems)
        written = unit if unit is not None else DEFAULT_UNIT
        if 1 <= len(written) <= MAX_UNIT_LENGTH:
            check_amounts(written, items, problems, _unit_place(documents))
    for item in items["scenarios"]:
        _check_scenario(item, known["proposals"], proposals, events, hints, problems)
        pool = item.spec.proposals if item.spec.proposals is not None else list(proposals)
        check_calendar_years(item, pool, proposals, problems)
    if (
        documents
        and not items["scenarios"]
        and not _written_cards(documents, "scenarios", authored)
        and "scenarios" not in misspelt  # "Scenarier:" is said at its line, not at file 1
    ):
        problems.append(Problem.of(documents[0].file, 1, "deck.no_scenarios"))
    if (
        documents
        and not items["proposals"]
        and not _written_cards(documents, "proposals", authored)
    ):
        problems.append(Problem.of(documents[0].file, 1, "deck.no_proposals"))
    if problems or header is None:
        return None
    deck = _to_deck(header, items)
    # a sign convention that makes most savings cost money is surely a misreading
    problems.extend(plausibility.sign_errors(deck, documents))
    return None if problems else deck


def _validate(
    model: type[BaseModel],
    data: Any,
    doc: YamlDocument,
    path: tuple[str | int, ...],
    problems: list[Problem],
    unit: str | None = None,
) -> Any:
    """``data`` as ``model``, or None with its problems added (``unit``: the deck's, for the
    hint at an amount written with its unit)."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        details = error.errors(include_url=False)
        relevant = [d for d in details if not _wrong_branch(model, d)] or details
        problems.extend(_problem(detail, model, doc, path, unit) for detail in relevant)
        return None


def _written_header(documents: list[YamlDocument]) -> dict[str, Any]:
    """The deck's header as written, read before it is checked (it may stand in a later file
    than the cards, and it may be refused for one field); empty when no file has one."""
    for doc in documents:
        header = doc.data.get("deck") if isinstance(doc.data, dict) else None
        if isinstance(header, dict):
            return header
    return {}


def _written_unit(documents: list[YamlDocument]) -> str | None:
    """The unit the deck's header writes; None when it writes none as text."""
    unit = _written_header(documents).get("unit")
    return unit.strip() if isinstance(unit, str) else None


def _written_version(documents: list[YamlDocument]) -> Literal[1, 2] | None:
    """The ``schema_version`` the deck's header writes, when it is 1 or 2; None otherwise."""
    version = _written_header(documents).get("schema_version")
    if isinstance(version, bool) or version not in (1, 2):
        return None
    return 1 if version == 1 else 2


def _wrong_branch(model: type[BaseModel], detail: Any) -> bool:
    """True for the error of the union branch that does not apply to a scenario's target
    (a number is not checked as a list, nor a list as a number), so one mistake is one line."""
    loc = tuple(detail["loc"])
    if model is not ScenarioSpec or len(loc) < 2 or loc[0] != "target":
        return False
    value = detail.get("input")
    branch = str(loc[1])
    if isinstance(loc[-1], int) or isinstance(value, list):  # the target was written as a list
        return not branch.startswith("list")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return branch.startswith("list")
    if isinstance(value, str) and text_problem(value) is not None:  # a number written as text
        return branch.startswith("list")
    return False


def _problem(
    detail: Any,
    model: type[BaseModel],
    doc: YamlDocument,
    base: tuple[str | int, ...],
    unit: str | None = None,
) -> Problem:
    loc = tuple(detail["loc"])
    kind = detail["type"]
    ctx = detail.get("ctx") or {}
    value = detail.get("input")
    fields = set(model.model_fields)
    data_loc: list[str | int] = []
    for part in loc:  # drop union branch labels such as 'float' or 'list[...]'
        if isinstance(part, int) or not data_loc or part in fields or kind == "extra_forbidden":
            data_loc.append(part)
    if model is ScenarioSpec and loc and loc[0] == "target" and not isinstance(value, list):
        data_loc = ["target"]
    path = base + tuple(data_loc)
    field = str(data_loc[0]) if data_loc else "?"
    where: Message | str = field
    if len(data_loc) > 1 and isinstance(data_loc[-1], int):
        where = Message.of("field.nth", field=field, number=data_loc[-1] + 1)
    if kind == "missing":
        return Problem.of(doc.file, doc.start_line(base), "deck.missing_field", field=field)
    if kind == "extra_forbidden":
        return Problem(doc.file, doc.line(path), _unknown_key(str(loc[-1]), fields))
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        what = str(base[0]) if base[0] in ("proposals", "events", "scenarios", "deck") else "other"
        return Problem.of(doc.file, doc.line(path), "deck.not_fields", what=_element(what))
    decimal = _DECIMAL_COMMA.fullmatch(value.strip()) if isinstance(value, str) else None
    if kind in ("int_type", "int_parsing") and decimal:
        # "capacity: 14,5" was told to write 14.5, which the whole-number field then refused
        number = float(value.strip().replace(",", ".").replace("−", "-"))
        low, high = math.floor(number), math.ceil(number)
        if low == high:  # "capacity: 8,0" was told "skriv 8 eller 8"
            return Problem.of(
                doc.file, doc.line(path), "deck.whole_comma_zero", where=where, value=value, low=low
            )
        return Problem.of(
            doc.file,
            doc.line(path),
            "deck.whole_comma",
            where=where,
            value=value,
            low=low,
            high=high,
        )
    if kind in _NUMBER_KINDS and isinstance(value, str):
        hint = text_problem(value, share=field in _SHARE_FIELDS, unit=unit)
        if hint is not None:
            return Problem.of(doc.file, doc.line(path), "deck.number_hint", where=where, hint=hint)
    if isinstance(value, str) and kind not in _NOT_ABOUT_THE_CHARACTERS:
        hidden_char = hidden.in_value(where, value)  # 'ener<zero-width space>gi' as an id
        if hidden_char is not None:
            return Problem(doc.file, doc.line(path), hidden_char)
    if kind == "list_type" and isinstance(value, str):
        hint = list_problem(value)
        if hint is not None:
            return Problem.of(doc.file, doc.line(path), "deck.list_hint", where=where, hint=hint)
    lone = isinstance(value, (str, int, float)) and not isinstance(value, bool)
    if kind == "list_type" and lone and field != "target":  # a target may be one number
        figure, written_unit = split_unit(value) if isinstance(value, str) else ("", None)
        deck_scale = unit_scale(unit if unit is not None else DEFAULT_UNIT)
        same_unit = written_unit is not None and unit_scale(written_unit) == deck_scale
        readings = one_number(figure) if same_unit else []
        if field == "effect" and len(readings) == 1:
            # "effect: 3 mio. kr." was told to write [3 mio. kr.], then "kun tallet, 3", and
            # then "[3]": the list that reads, at once
            write = f"[{yaml_number(readings[0])}]"
            return Problem.of(doc.file, doc.line(path), "deck.list_write", where=where, write=write)
        if field == "effect" and isinstance(value, str):
            # "effect: 0,8 mio. kr." was told to write [0,8 mio. kr.]: what is wrong with the
            # number is said first
            hint = text_problem(value, share=False, unit=unit or DEFAULT_UNIT)
            if hint is not None:
                said = Message.of("deck.list_hint", where=where, hint=hint)
                return Problem(doc.file, doc.line(path), said)
        # the field's own value in brackets, not "fx [1, 2, 3]" for a list of ids or years
        write = as_list(field, value)
        return Problem.of(doc.file, doc.line(path), "deck.list_write", where=where, write=write)
    if isinstance(value, float) and not math.isfinite(value):
        key = "deck.nan" if math.isnan(value) else "deck.infinite"
        return Problem.of(doc.file, doc.line(path), key, where=where, value=show(value))
    if (
        kind == "less_than_equal"
        and field in _SHARE_FIELDS
        and isinstance(value, (int, float))
        and meant_as_percent(value)
    ):
        # "uncertainty: 20" for 20 %: the import says it in these words too
        share = Message.of(
            "deck.share_percent",
            where=where,
            most=number_text(ctx.get("le", 1)),  # as YAML writes it: 0.95, not 0,95
            value=show(value),
            write=yaml_number(value / 100),
        )
        return Problem(doc.file, doc.line(path), share)
    written = doc.booleans.get(path) if isinstance(value, bool) else None
    said = _message(kind, where, ctx, value, model, field, written)
    return Problem(doc.file, doc.line(path), said)


YEAR_SPAN = re.compile(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*")
"""Budget years written as a span, "2027-2029" or "2027–2030"."""


_ROUND_SPAN = re.compile(r"(\d{1,2})\s*[-–—]\s*(\d{1,2})")
"""A span of rounds written as one text: "2-3", "2–4"."""


def as_list(field: str, value: str | float) -> str:
    """``value`` written as the list the field wants: ``years: 2027-2029`` as
    ``["2027", "2028", "2029"]``, ``years: 2027`` as ``["2027"]``, an id as ``[skole-luk]``,
    a number as ``[0.5]``."""
    if field == "years":
        span = YEAR_SPAN.fullmatch(str(value))
        first, last = (int(span.group(1)), int(span.group(2))) if span else (0, -1)
        if span and 0 <= last - first < 12:
            return "[" + ", ".join(f'"{y}"' for y in range(first, last + 1)) + "]"
        return f'["{value}"]'
    rounds = _ROUND_SPAN.fullmatch(str(value).strip()) if field == "rounds" else None
    if rounds is not None:  # "rounds: 2-3" was told to write [2-3], refused in turn
        low, high = sorted((int(rounds.group(1)), int(rounds.group(2))))
        return "[" + ", ".join(str(r) for r in range(low, high + 1)) + "]"
    if isinstance(value, str):
        return f"[{value.strip()}]"
    return f"[{yaml_number(value)}]"


def _element(section: str) -> Message:
    """A card of ``section`` as a message names it: "et forslag", "deck-blokken"."""
    return Message.of(f"deck.element.{section}")


_NUMBER_KINDS = frozenset({"float_type", "float_parsing", "int_type", "int_parsing"})
_NOT_ABOUT_THE_CHARACTERS = frozenset({"string_too_long", "string_too_short", "string_type"})
"""Errors of a text value that a hidden character in it does not cause (it is too long)."""
_DECIMAL_COMMA = re.compile(r"[-−]?\d+,\d+")
"""A number with a decimal comma, which YAML reads as text ("14,5")."""
_SHARE_FIELDS = frozenset({"uncertainty", "failure"})
"""Fields that hold a share from 0 to 1 (a percent sign there means: write 0.2 for 20 %)."""


def _message(
    kind: str,
    where: Message | str,
    ctx: dict[str, Any],
    value: Any,
    model: type[BaseModel],
    field: str,
    written: str | None = None,
) -> Message:
    if model is ScenarioSpec and field == "target" and kind not in ("too_short", "too_long"):
        if kind == "greater_than_equal":  # the limit above is the unit's: said by crosschecks
            return Message.of("deck.target_negative")
        if kind == "less_than_equal":
            return Message.of("deck.target_range", limit=f"{MAX_TARGET:g}")
        return Message.of("deck.target_shape")
    if kind in ("too_short", "too_long") and isinstance(value, str):
        # a text inside a list (a year), checked after its validator: pydantic names it as
        # it names a list ("'years (nr. 2)' må højst have 12 år" for a 16-letter year)
        if kind == "too_short":
            return Message.of("field.empty", where=where)
        if "," in value and field == "years":
            return Message.of("deck.year_list_in_one", where=where, value=value)
        return Message.of(
            "field.too_long_text", where=where, length=len(value), most=ctx.get("max_length", "?")
        )
    one = value[0] if isinstance(value, list) and len(value) == 1 else None
    if kind == "too_short" and field == "years" and YEAR_SPAN.fullmatch(str(one)):
        # "years: [2027-2030]" was told only that it needs 2 years
        write = as_list("years", str(one))
        return Message.of("deck.list_write", where=where, write=write)
    if kind in ("too_short", "too_long") and field in COUNTED_ITEMS:
        # "'år' skal have mindst 2 år", not "… 2 elementer"
        count = ctx.get("min_length" if kind == "too_short" else "max_length")
        if isinstance(count, int):
            number = "one" if count == 1 else "many"
            items = Message.of(f"deck.items.{field}.{number}")
            key = "field.few_items" if kind == "too_short" else "field.many_items"
            return Message.of(f"{key}.{number}", where=where, count=count, items=items)
    return message(kind, where, ctx, value, written=written)


COUNTED_ITEMS = frozenset(
    {"years", "target", "effect", "proposals", "events", "rounds", "welfare_areas"}
    | {"excludes", "requires"}
)
"""List fields whose length is told in their own word ("mindst 2 år", "højst 8 beløb")."""


def _check_header(
    headers: list[tuple[DeckHeader | None, YamlDocument]],
    documents: list[YamlDocument],
    problems: list[Problem],
) -> DeckHeader | None:
    if not headers:
        if len(documents) > 1:  # a folder: not this file's fault, and the header may go anywhere
            names = ", ".join(Path(doc.file).name for doc in documents[:4])
            more = "" if len(documents) <= 4 else ", …"
            problems.append(
                Problem.of(documents[0].file, 1, "deck.no_header_any", files=names + more)
            )
        elif documents:
            problems.append(Problem.of(documents[0].file, 1, "deck.no_header"))
        return None
    # a copy ("deck - Kopi.yaml", which sorts first) is told that its header stands twice,
    # not the original: a header whose file's name holds another's comes after it
    stems = [Path(doc.file).stem.casefold() for _, doc in headers]

    def copied(index: int) -> bool:
        return any(o != stems[index] and o in stems[index] for o in stems)

    headers = [headers[i] for i in sorted(range(len(headers)), key=copied)]
    for _, doc in headers[1:]:
        problems.append(
            Problem.of(doc.file, doc.line(("deck",)), "deck.header_twice", other=headers[0][1].file)
        )
    return headers[0][0]


def _raw_items(documents: list[YamlDocument], section: str) -> list[_Item]:
    """Every card of a section that has a text id, valid or not (for ids and references)."""
    found: list[_Item] = []
    for doc in documents:
        cards = doc.data.get(section) if isinstance(doc.data, dict) else None
        if not isinstance(cards, list):
            continue
        for index, card in enumerate(cards):
            if isinstance(card, dict) and isinstance(card.get("id"), str):
                found.append(_Item(card["id"], doc, (section, index)))
    return found


def _suggestable(ids: Iterable[str]) -> list[str]:
    """The ids a "mente du …?" may name: each valid id, and for an id the format refuses the
    spelling its card is told to take ("s-skole-luk-ø" → "s-skole-luk-oe"), if any."""
    found: list[str] = []
    for card_id in ids:
        if re.fullmatch(ID_PATTERN, card_id):
            found.append(card_id)
        elif (spelled := id_spelling(card_id)) is not None and re.fullmatch(ID_PATTERN, spelled):
            found.append(spelled)
    return found


def _check_unique(items: list[_Item], section: str, problems: list[Problem]) -> dict[str, _Item]:
    """Report ids used twice (at the second use); return the first card of every id.
    ``section`` names the cards ("proposals")."""
    first: dict[str, _Item] = {}
    for item in items:
        previous = first.get(item.spec)
        if previous is None:
            first[item.spec] = item
            continue
        line = item.doc.line((*item.path, "id"))
        where = f"{previous.doc.file}:{previous.doc.line((*previous.path, 'id'))}"
        problems.append(
            Problem.of(
                item.doc.file,
                line,
                f"deck.id_twice.{section}",
                id=item.spec,
                where=where,
                first_file=previous.doc.file,  # not shown: read by _copies_folded
            )
        )
    return first


def _written_cards(documents: Sequence[YamlDocument], section: str, authored: bool = True) -> bool:
    """True when a file writes at least one card under ``section`` (valid or not): then
    the cards' own problems are said, not that the deck has none. "proposals:" with nothing
    under it (or an empty list) writes none, and the deck was OK with 0 proposals. Without
    ``authored`` (a workbook's documents), a section present at all counts as written."""
    for doc in documents:
        if not isinstance(doc.data, dict) or section not in doc.data:
            continue
        cards = doc.data[section]
        if not authored or (cards is not None and cards != []):
            return True
    return False


def _not_a_mapping(data: Any) -> str:
    """The message key for a file that is no mapping of a deck's fields: a list of cards
    without "proposals:" above it is told so; a list of something else (an Ansible playbook
    in the folder) is another program's file."""
    if isinstance(data, list) and data and all(isinstance(item, dict) for item in data):
        fields = {str(key) for item in data for key in item}
        if fields & {"id", "kind", "effect", "title"}:
            return "deck.list_without_section"
        return "deck.not_deck_list"
    return "deck.not_a_mapping"


def _copies_folded(found: list[Problem], documents: Sequence[YamlDocument]) -> list[Problem]:
    """``found`` (the ids given twice) with a file that repeats most of another's cards told
    once: a copy left in the deck folder under any name ("Kopi af forslag.yaml",
    "forslag.bak.yaml", "forslag_old.yml") gave an error for every card in it. A file repeats
    another when at least two of its cards, and at least half of them, have the id of a card
    there; fewer repeats are said card by card. The copy is the file whose name holds the
    other's; when neither does, both are named."""
    groups: dict[tuple[str, str], list[Problem]] = {}
    for problem in found:
        if problem.said.key.startswith("deck.id_twice."):
            other = str(problem.said.kwargs["first_file"])
            groups.setdefault((problem.file, other), []).append(problem)
    cards = {doc.file: _card_count(doc) for doc in documents}
    stems = {doc.file: Path(doc.file).stem.casefold() for doc in documents}
    folded: dict[int, Problem] = {}  # the first repeat of a copy -> the one message for it
    dropped: set[int] = set()
    for (file, other), repeats in groups.items():
        total = cards.get(file, 0)
        if len(repeats) < 2 or 2 * len(repeats) < total or file == other:
            continue
        mine, theirs = stems.get(file, ""), stems.get(other, "")
        # "forslag (2)" repeats "forslag (1)", which sorts first: both are copies of
        # "forslag", and (2) is compared with it, not with the other copy
        common = [f for f, stem in stems.items() if f not in (file, other) and stem in mine]
        if theirs not in mine and mine not in theirs and common:
            other, theirs = min(common, key=lambda f: len(stems[f])), ""
        count = len(repeats)
        said = Problem.of(
            file, 1, "deck.same_cards", other=Path(other).name, count=count, total=total
        )
        if theirs in mine:  # "Kopi af forslag": this file
            said = _copy_said(file, Path(other).name, count, count == total)
        elif mine in theirs:  # "forslag.bak" sorts first
            said = _copy_said(other, Path(file).name, count, count == cards.get(other, 0))
        changed = _changed_cards(
            documents, file, other, [str(p.said.kwargs["id"]) for p in repeats]
        )
        if changed and said.said.key != "deck.same_cards":
            # a newer download "forslag (1).yaml" with two amounts changed: "delete the copy"
            # would have thrown the changes away
            first = said.said.kwargs["original"]
            key = "deck.copy_changed." + ("one" if len(changed) == 1 else "many")
            said = Problem.of(said.file, 1, key, original=first, ids=_named(changed))
        folded[id(repeats[0])] = said
        dropped.update(id(p) for p in repeats[1:])
    return [folded.get(id(p), p) for p in found if id(p) not in dropped]


def _changed_cards(
    documents: Sequence[YamlDocument], file: str, other: str, ids: Sequence[str]
) -> list[str]:
    """Of the cards ``ids`` that ``file`` and ``other`` both hold, those written differently
    in the two files (an amount, a text)."""
    written: dict[str, dict[str, Any]] = {file: {}, other: {}}
    for doc in documents:
        if doc.file not in written or not isinstance(doc.data, dict):
            continue
        for section in ("proposals", "events", "scenarios"):
            for card in doc.data.get(section) or []:
                if isinstance(card, dict) and isinstance(card.get("id"), str):
                    written[doc.file].setdefault(card["id"], card)
    return [i for i in ids if written[file].get(i) != written[other].get(i)]


def _named(ids: Sequence[str], most: int = 5) -> str:
    """ "'a', 'b' …": the first ``most`` ids quoted, the rest as "…"."""
    shown = ", ".join(f"'{i}'" for i in ids[:most])
    return shown + (" …" if len(ids) > most else "")


def _copy_said(copy: str, original: str, count: int, whole: bool) -> Problem:
    """That the file ``copy`` is a copy of ``original`` (a name): ``whole`` when every card
    of it repeats one there ("så hvert kort i den står to gange"), else how many do."""
    if whole:
        return Problem.of(copy, 1, "deck.copy_of", original=original)
    return Problem.of(copy, 1, "deck.copy_cards", original=original, count=count)


def _card_count(doc: YamlDocument) -> int:
    """How many cards (proposals, events and scenarios with an id) ``doc`` holds."""
    if not isinstance(doc.data, dict):
        return 0
    return sum(
        1
        for section in ("proposals", "events", "scenarios")
        if isinstance(doc.data.get(section), list)
        for card in doc.data[section]
        if isinstance(card, dict) and "id" in card
    )


def _check_excludes(item: _Item, problems: list[Problem]) -> None:
    """A card does not exclude itself (an unknown id is said by ``_check_all_refs``)."""
    for index, other in enumerate(item.spec.excludes):
        if other == item.spec.id:
            line = item.doc.line((*item.path, "excludes", index))
            problems.append(Problem.of(item.doc.file, line, "deck.excludes_itself", id=other))


def _unknown_ref(section: str, ref: str, hints: IdIndex) -> Message:
    """ "ukendt forslag 'R10' (mente du 'R01'?)"; ``section`` names the cards ("events")."""
    close = hints.hint(ref)
    if close:
        return Message.of(f"deck.unknown_close.{section}", ref=ref, close=close)
    return Message.of(f"deck.unknown.{section}", ref=ref)


_SEVERAL_YEARS = re.compile(r"\d\s*[,;]\s*\d|\d{4}\D+\d{4}")
"""Several years in one text: two numbers with a comma or a semicolon between them, or two
four-digit years ("2027 2028", "2027-2028")."""


def _check_years(item: _Item, problems: list[Problem]) -> None:
    """A scenario's own years: one target per year when it gives several, no year twice."""
    spec: ScenarioSpec = item.spec
    doc, path = item.doc, item.path
    if isinstance(spec.target, list) and len(spec.target) != len(spec.years):
        problems.append(
            Problem.of(
                doc.file,
                doc.line((*path, "target")),
                "deck.target_count",
                count=len(spec.target),
                years=len(spec.years),
            )
        )
    numbers = [int(year) for year in spec.years if year.isdigit() and len(year) == 4]
    if len(numbers) == len(spec.years) and any(b < a for a, b in itertools.pairwise(numbers)):
        # "years: [2028, 2027]": the board and the debrief said "2028–2027"
        line = doc.line((*path, "years"))
        problems.append(Problem.of(doc.file, line, "deck.years_order", years=", ".join(spec.years)))
    seen_years: set[str] = set()
    for index, year in enumerate(spec.years):
        where = Message.of("field.nth", field="years", number=index + 1)
        line = doc.line((*path, "years", index))
        if _SEVERAL_YEARS.search(year):  # "2027, 2028" read as one budget year's name
            problems.append(
                Problem.of(doc.file, line, "deck.year_list_in_one", where=where, value=year)
            )
        elif year.isdigit() and len(year) != 4:  # "20277": not a year out of order
            problems.append(Problem.of(doc.file, line, "deck.year_digits", where=where, value=year))
        if year in seen_years:
            problems.append(
                Problem.of(
                    doc.file, doc.line((*path, "years", index)), "deck.year_twice", year=year
                )
            )
        seen_years.add(year)


def _check_scenario(
    item: _Item,
    known: dict[str, _Item],
    proposals: dict[str, _Item],
    events: dict[str, _Item],
    hints: dict[str, IdIndex],
    problems: list[Problem],
) -> None:
    spec: ScenarioSpec = item.spec
    doc, path = item.doc, item.path
    _check_years(item, problems)
    if spec.proposals is not None and not spec.proposals:
        # "proposals: []" is no pile at all (left out, the list is every proposal): such a
        # scenario has nothing to adopt, and balance and the window played it in silence
        line = doc.line((*path, "proposals"))
        problems.append(Problem.of(doc.file, line, "deck.scenario_no_proposals", id=spec.id))
        return
    pool = spec.proposals if spec.proposals is not None else list(known)
    if not spec.require_all_kinds or not pool or not all(p in proposals for p in pool):
        return
    cards = [_proposal(proposals[p].spec, WELFARE_AREAS, 1.0) for p in pool]
    for kind in KINDS:
        of_kind = [c for c in cards if c.kind is kind]
        if not of_kind:
            reason = Message.of(
                "deck.unwinnable.no_kind", kind=Message.of(f"kind.word.{kind.value}")
            )
        elif not any(
            ledger.fits(spec.capacity, 0, 0, c.load, ledger.fatigue_of(c)) for c in of_kind
        ):
            smallest = min(ledger.capacity_taken(c) for c in of_kind)
            reason = Message.of(
                "deck.unwinnable.too_big",
                kind=Message.of(f"kind.word.{kind.value}"),
                capacity=spec.capacity,
                smallest=smallest,
            )
        else:
            continue
        problems.append(
            Problem.of(doc.file, doc.start_line(path), "deck.unwinnable", id=spec.id, reason=reason)
        )


REF_SECTIONS = {
    "proposals": "proposals",
    "events": "events",
    "requires": "proposals",
    "excludes": "proposals",
}
"""The fields that name other cards, and the section whose ids they name."""


def _says_unknown(problem: Problem, section: str) -> bool:
    """Whether ``problem`` says that a card of ``section`` ("proposals") that a card or a
    scenario names is unknown."""
    keys = {f"deck.unknown.{section}", f"deck.unknown_close.{section}"}
    if section == "events":
        # all of a scenario's unknown events, told once
        keys |= {"deck.no_events_named", "deck.no_events_named.one"}
    return problem.said.key in keys


def _check_refs(
    item: _Item,
    refs: dict[str, list[Any] | None],
    ids: dict[str, dict[str, _Item]],
    hints: dict[str, IdIndex],
    problems: list[Problem],
    *,
    twice: bool,
) -> None:
    """The ids a card names in its fields (``refs``: field → the list it holds): each must be
    a card of the section the field names (``REF_SECTIONS``; ``ids`` and ``hints`` by
    section), and with ``twice`` named once. An entry that is not an id in the format is left
    to the format's own message."""
    doc, path = item.doc, item.path
    for field, named in refs.items():
        if named is None:
            continue
        section = REF_SECTIONS[field]
        earlier: set[str] = set()
        # a deck without any event whose scenario names twenty: one line, not twenty
        no_events: list[str] = []
        for index, ref in enumerate(named):
            if not isinstance(ref, str) or not re.fullmatch(ID_PATTERN, ref) or len(ref) > ID_MAX:
                continue
            line = doc.line((*path, field, index))
            other = {"events": "proposals", "proposals": "events"}.get(section)
            meant = (
                _same_but_case(ref, ids[other])
                if field == section and ref not in ids[section] and other is not None
                else None
            )
            if meant == ref:
                # an event's id under 'proposals', or a proposal's under 'events'
                key = f"deck.wrong_list.{section}"
                problems.append(Problem.of(doc.file, line, key, ref=ref, field=field))
            elif meant is not None and _same_but_case(ref, ids[section]) is None:
                # the same in other capitals ("Storm" under 'proposals'): no hint said so
                key = f"deck.wrong_list_case.{section}"
                problems.append(Problem.of(doc.file, line, key, ref=ref, id=meant, field=field))
            elif section == "events" and not ids[section]:
                no_events.append(ref)
            elif ref not in ids[section]:
                problems.append(Problem(doc.file, line, _unknown_ref(section, ref, hints[section])))
            elif twice and ref in earlier:
                problems.append(Problem.of(doc.file, line, "deck.ref_twice", ref=ref))
            earlier.add(ref)
        if no_events:
            key = "deck.no_events_named" + (".one" if len(no_events) == 1 else "")
            line = doc.line((*path, field))
            problems.append(Problem.of(doc.file, line, key, count=len(no_events), ref=no_events[0]))


def _same_but_case(ref: str, ids: dict[str, _Item]) -> str | None:
    """``ref`` itself when ``ids`` holds it, else the one id there that differs from it only
    in capitals, else None."""
    if ref in ids:
        return ref
    folded = [i for i in ids if i.casefold() == ref.casefold()]
    return folded[0] if len(folded) == 1 else None


REFS = (
    ("scenarios", ("proposals", "events"), True),
    ("proposals", ("requires", "excludes"), False),
)
"""The cards that name other cards: section, the fields that name them, and whether an id
named twice is said."""


def _check_all_refs(
    documents: list[YamlDocument],
    ids: dict[str, dict[str, _Item]],
    hints: dict[str, IdIndex],
    problems: list[Problem],
) -> None:
    """The references of every card as its file has it (``REFS``), whether or not the format
    accepted the rest of the card (the format is strict, so an accepted card's lists are the
    ones written)."""
    for section, named_in, twice in REFS:
        for raw in _raw_items(documents, section):
            card = raw.doc.data[section][raw.path[1]]
            refs = {f: card[f] if isinstance(card.get(f), list) else None for f in named_in}
            _check_refs(raw, refs, ids, hints, problems, twice=twice)


def _to_deck(header: DeckHeader, items: dict[str, list[_Item]]) -> Deck:
    welfare = tuple(header.welfare_areas) if header.welfare_areas is not None else WELFARE_AREAS
    sign = -1.0 if header.sign == "savings_negative" else 1.0
    proposals = tuple(_proposal(item.spec, welfare, sign) for item in items["proposals"])
    events = tuple(
        Event(
            id=s.id,
            title=s.title,
            effect=_signed(s.effect, sign),
            text=s.text,
            service=s.service,
            rounds=tuple(s.rounds) if s.rounds is not None else None,
            weight=s.weight,
            fatigue=s.fatigue,
            source=s.source,
        )
        for s in (item.spec for item in items["events"])
    )
    scenarios = []
    for item in items["scenarios"]:
        s: ScenarioSpec = item.spec
        target = (
            tuple(float(t) for t in s.target)
            if isinstance(s.target, list)
            else tuple(float(s.target) for _ in s.years)
        )
        scenarios.append(
            Scenario(
                id=s.id,
                title=s.title,
                briefing=s.briefing,
                years=tuple(s.years),
                target=target,
                proposals=tuple(s.proposals)
                if s.proposals is not None
                else tuple(p.id for p in proposals),
                events=tuple(s.events) if s.events is not None else tuple(e.id for e in events),
                capacity=s.capacity,
                market=s.market,
                events_per_round=s.events_per_round,
                service_floor=s.service_floor,
                require_all_kinds=s.require_all_kinds,
                construction_budget=s.construction_budget,
            )
        )
    return Deck(
        id=header.id,
        title=header.title,
        language=header.language,
        unit=usual_unit(header.unit),
        written_unit="" if usual_unit(header.unit) == header.unit else header.unit,
        unit_scale=unit_scale(header.unit),
        schema_version=header.schema_version,
        welfare_areas=welfare,
        proposals=proposals,
        events=events,
        scenarios=tuple(scenarios),
    )


def _signed(effect: list[float], sign: float) -> tuple[float, ...]:
    """The effect with the deck's sign convention turned into the game's (+ frees råderum);
    ``0.0 - v`` keeps a zero a plain zero."""
    return tuple(effect) if sign > 0 else tuple(0.0 - value for value in effect)


def _area_name(text: str) -> str:
    """An area as the deck means it: "Skole " and "Skole" are one area (a trailing space made
    a second one, with no word), and so are spaces doubled inside a name."""
    return " ".join(text.split())


def _proposal(spec: ProposalSpec, welfare: tuple[str, ...], sign: float) -> Proposal:
    kind = Kind(KIND_NAMES[spec.kind])
    defaults = KIND_DEFAULTS[kind.value]
    areas = {_area_name(area).casefold() for area in welfare}
    area = _area_name(spec.area)
    return Proposal(
        id=spec.id,
        kind=kind,
        title=spec.title,
        area=area,
        effect=_signed(spec.effect, sign),
        text=spec.text,
        uncertainty=spec.uncertainty if spec.uncertainty is not None else defaults["uncertainty"],
        failure=spec.failure,
        service=spec.service if spec.service is not None else int(defaults["service"]),
        load=spec.load if spec.load is not None else int(defaults["load"]),
        staff=spec.staff,
        question=spec.question,
        source=spec.source,
        excludes=tuple(spec.excludes),
        requires=tuple(spec.requires),
        fatigue=spec.fatigue,
        welfare=area.casefold() in areas,
        construction=spec.construction,
        calendar_year=spec.effect_from_year,
    )


def deck_to_data(deck: Deck) -> dict[str, Any]:
    """The normalised content of a deck as plain data (what its content hash is taken of;
    ``unit_scale`` follows from ``unit``, and the unit is the one the file writes, so a deck
    keeps the hash its saves know it by)."""
    data = _fields(deck, ("content_hash", "sources", "unit_scale", "written_unit"))
    data["unit"] = deck.written_unit or deck.unit
    for section in ("proposals", "events", "scenarios"):
        # profiles are derived from effect; a shallow copy per card is all ``asdict`` gave
        data[section] = [_fields(card, ("profile",)) for card in data[section]]
    return data


_WORDS = {
    "deck": ("title", "language"),
    "proposals": ("title", "text", "question", "source", "area"),
    "events": ("title", "text", "source"),
    "scenarios": ("title", "briefing"),
}
"""The fields of a deck that are words, not rules: ``rules_hash`` leaves them out."""


def rules_hash(deck: Deck) -> str:
    """A hash of what ``deck`` plays – its content (``deck_to_data``) without the words of
    ``_WORDS``: two tables whose decks differ only in a card's text or a title played the
    same game (a typo corrected in one laptop's deck split a conference's comparison in
    two). Hex digits; equal for decks whose rules, amounts and ids are equal."""
    data = deck_to_data(deck)
    for key in _WORDS["deck"]:
        data.pop(key, None)
    for section in ("proposals", "events", "scenarios"):
        data[section] = [
            {k: v for k, v in card.items() if k not in _WORDS[section]} for card in data[section]
        ]
    canonical = json.dumps(
        data, sort_keys=True, ensure_ascii=True, separators=(",", ":"), default=str
    )
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def _fields(value: Any, leave_out: tuple[str, ...]) -> dict[str, Any]:
    return {f.name: getattr(value, f.name) for f in fields(value) if f.name not in leave_out}


def _with_hash(deck: Deck, sources: tuple[tuple[str, str], ...]) -> Deck:
    canonical = json.dumps(
        deck_to_data(deck), sort_keys=True, ensure_ascii=True, separators=(",", ":"), default=str
    )
    digest = hashlib.sha256(canonical.encode("ascii")).hexdigest()
    return replace(deck, content_hash=digest, sources=sources)
