"""What the commands share: exit codes and ``UsageError`` (a bad argument, said in one line
without a traceback), the reader's language, the deck and scenario a command names, the
warning about a target far off or beyond reach, and writing a file without losing one.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.launcher import said_by
from game.messages import (
    Message,
    catalogue,
    render,
    target_refusal,
    unit_words,
    unknown_scenario,
)
from game.numbers import format_amount, format_target

if TYPE_CHECKING:
    from game.engine import Deck, Scenario


EXIT_OK = 0
EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit code 2. The message is a
    ``Message`` (worded in the reader's language when printed) or a text said as it is."""

    def __init__(self, message: Message | str) -> None:
        self.said = message if isinstance(message, Message) else Message.of("say", text=message)
        super().__init__(render(self.said))

    def text(self, lang: str = "da") -> str:
        """The message in ``lang``."""
        return render(self.said, lang)


def usage_error(key: str, **params: Any) -> UsageError:
    """``raise usage_error("cli.exists", out=…)``: a usage error worded where it is printed."""
    return UsageError(Message.of(key, **params))


def one_line(text: str, lang: str = "da") -> str:
    """``text`` on one line: a line break or a character one cannot see (a hard space, a
    zero-width space) named in brackets in ``lang``, never as a Python escape."""
    if text.isprintable():
        return text
    from game.content.hidden import named

    return named(text, lang)


LANGS = ("da", "en")


def load_deck_named(deck_path: str | None) -> Deck:
    from game.content import load_deck
    from game.paths import standard_deck

    return load_deck(Path(deck_path) if deck_path else standard_deck())


def writable(path: Path) -> Path:
    """``path`` when a new file can be written there: its folder is created when missing, and
    a read-only folder, a full disk or a path under a file raise ``UsageError`` naming the
    file ("kort.html kan ikke skrives: …"), before anything is built."""
    from game.saves import folder_problem
    from game.saves.files import display_path

    problem = folder_problem(path.parent)
    if problem is not None:
        where = Message.of(
            "cli.file_problem", file=display_path(problem.path), problem=problem.said
        )
        raise usage_error("cli.cannot_write", file=display_path(path), problem=where)
    return path


def write_or_say(path: Path, write: Callable[[], None]) -> None:
    """Run ``write``; a file it cannot write (``game.saves.WriteFailed``: a full disk, a
    folder gone read-only) becomes one line naming ``path`` ("katalog.xlsx: dokumentet kunne
    ikke skrives: disken er fuld"), and nothing is left half-written."""
    from game.saves import WriteFailed
    from game.saves.files import display_path

    try:
        write()
    except WriteFailed as error:
        raise usage_error("cli.file_problem", file=display_path(path), problem=error.said) from None


def new_workbook(out: str) -> Path:
    """The workbook to write: an .xlsx name that is not taken (a file is never overwritten)
    in a folder that can take it."""
    path = Path(out)
    if path.suffix.lower() != ".xlsx":
        raise usage_error("cli.xlsx_suffix", out=out)
    if path.exists():
        raise usage_error("cli.exists", out=out)
    return writable(path)


def _place(path: str) -> str:
    """Where ``path`` leads, to tell one deck written two ways from two decks."""
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return path


def deck_named(args: argparse.Namespace) -> str | None:
    """The deck a command was given as DECK or as --deck (the same twice is fine; two
    different decks are refused, ``cli.two_decks``); None: the standard deck."""
    if (
        args.deck_path is not None
        and args.deck is not None
        and _place(args.deck_path) != _place(args.deck)
    ):  # "decks/standard" and "./decks/standard/" are one deck
        raise usage_error("cli.two_decks", first=args.deck_path, second=args.deck)
    return str(args.deck_path) if args.deck_path is not None else args.deck


def printed_deck(named: str | None) -> str | None:
    """The deck as the result sheet's `enter` command names it: a whole path, so that the
    command works from any folder the host types it in (decks/standard, as the README
    writes it, only worked from the project's folder); None for the standard deck, which
    the command finds by itself."""
    if named is None:
        return None
    path = Path(named).expanduser().resolve()
    from game.paths import standard_deck
    from game.saves.files import display_path

    # bytes of the name that are not UTF-8 as "\ufffd": the page is UTF-8 (it ended in a
    # traceback), and such a name cannot be typed from paper anyway
    return None if path == standard_deck().resolve() else display_path(path, limit=4096)


def scenario_of(deck: Deck, scenario_id: str | None) -> Scenario:
    """The scenario ``scenario_id`` of ``deck`` (None: its first). Raises ``UsageError``
    naming the ids it has – and, when one of the game's own decks has the scenario, that
    deck's ``--deck`` ("--scenario kystby" without "--deck decks/kystby" was only told the
    standard deck's ids)."""
    try:
        return deck.scenario(scenario_id)
    except KeyError:
        elsewhere = _deck_with_scenario(deck, scenario_id)
        if elsewhere is not None:
            from game.paths import command_word
            from game.saves.files import display_path

            raise usage_error(
                "cli.unknown_scenario_other_deck",
                id=scenario_id,
                known=", ".join(s.id for s in deck.scenarios),
                deck=command_word(display_path(elsewhere)),
            ) from None
        raise UsageError(unknown_scenario(deck, scenario_id)) from None


def _deck_with_scenario(deck: Deck, scenario_id: str | None) -> Path | None:
    """The folder of another of the game's own decks (beside the standard deck) that has the
    scenario ``scenario_id``, or None."""
    if not scenario_id:
        return None
    from game.content import DeckError, load_deck
    from game.paths import standard_deck

    for folder in sorted(standard_deck().parent.iterdir()):
        if not folder.is_dir() or folder.resolve() == standard_deck().resolve():
            continue
        try:
            other = load_deck(folder)
        except (DeckError, OSError):
            continue
        if other.id != deck.id and any(s.id == scenario_id for s in other.scenarios):
            return folder
    return None


UNIT_APART = 100
"""``refuse_unit`` in ``warn_target``: an X this many times above or below the scenario's own
last target, or more, is one written in another unit (1.000 times: t. kr. for mio. kr.; a
host's 300 for 30.000 t. kr. was saved with a warning)."""


def warn_target(
    deck: Deck,
    scenario: Scenario,
    target: float | None,
    lang: str,
    command: str = "",
    *,
    refuse_unit: bool = False,
) -> None:
    """A warning on stderr when the facilitator's X is ten times smaller or larger than the
    scenario's own last target: 25 typed for a deck in t. kr. (25.000 kr.) was meant as
    25 mio. kr., and 2.000 for a scenario that asks 28 mio. kr. was meant as 2; or when it is
    above what the pile can meet without luck (``game.engine.reach``). The line begins
    "raaderum ``command``:". Raises ``UsageError`` for an X over the deck's limit
    (``target_refusal``), and with ``refuse_unit`` for one ``UNIT_APART`` times from the
    scenario's own (a command that writes what it was given, such as ``enter``, stops
    before it writes a paper table against 0,0025 of its target)."""
    refused = target_refusal(deck, target, lang)
    if refused is not None:
        raise UsageError(refused)
    from game.engine import scaled_targets, target_far

    if target is None:
        return
    own = scenario.target[-1]
    # a target of 0 is no other unit: a thousand times 0 is 0 ("skriv … fx --target 0")
    apart = not own / UNIT_APART < target < own * UNIT_APART
    if refuse_unit and own > 0 and target > 0 and apart:
        meant = target * 1000 if target < own else target / 1000
        raise usage_error(
            "cli.target_other_unit",
            target=format_target(target, lang),
            own=format_amount(own, lang),
            unit=unit_words(deck.unit, lang),
            meant=format_target(meant, lang),
        )
    if target_far(scenario, target):
        key, said = "cli.target_far", {"own": format_amount(scenario.target[-1], lang)}
    else:
        from game.engine.reach import out_of_reach  # the solver loads when an X is given

        reach = out_of_reach(deck, scenario.id, target)
        if reach is None:
            return
        key, said = "cli.target_reach", {"most": format_amount(reach.shown, lang)}
        targets = scaled_targets(scenario.target, target)
        short = reach.short_year(targets)
        if short is not None:
            key = "cli.target_reach_early"
            said["year"] = scenario.years[short]
            said["year_target"] = format_target(targets[short], lang)
            said["year_most"] = format_amount(reach.most_in(short), lang)
    unit = unit_words(deck.unit, lang)
    line = catalogue(lang).t(key, target=format_target(target, lang), unit=unit, **said)
    print(f"{said_by(command)}: {line}" if command else line, file=sys.stderr)


def target_line(deck: Deck, scenario: Scenario, target: float | None, lang: str) -> str:
    """ "Mål pr. år: 3 / 11 / 25 / 45 mio. kr." – the targets a run plays against."""
    from game.engine.rules import scaled_targets

    targets = scaled_targets(scenario.target, target) if target is not None else scenario.target
    shown = " / ".join(format_target(t, lang) for t in targets)
    return catalogue(lang).t("cli.sim.targets", targets=shown, unit=unit_words(deck.unit, lang))


def file_problem(error: Any) -> Message:
    """A ``SaveError`` as a message: "FILE: reason"."""
    from game.saves.files import display_path

    return Message.of("cli.file_problem", file=display_path(error.path), problem=error.said)


def save_problem(error: Any) -> UsageError:
    """A ``SaveError`` as a usage error, worded where it is printed."""
    return UsageError(file_problem(error))


def reader_lang(args: argparse.Namespace) -> str:
    """The language of the command's messages: its own ``--lang``, else the top-level one,
    else Danish."""
    lang = getattr(args, "lang", None) or getattr(args, "top_lang", None)
    return lang if lang in LANGS else "da"
