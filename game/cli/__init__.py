"""The ``raaderum`` command line (also ``python -m game``).

The parser is ``parser``; the commands live by what they work on – ``decks`` (validate,
schema, scenarios, template, import, export, print), ``enter`` (a paper table), ``simulation``
(simulate, forecast), ``play`` (the window, report) – and share ``common``. Every command's
heavy work lives in its own module and is imported only when used, so ``raaderum validate``
never loads pygame and the game window starts fast.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Callable, Sequence

from game.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    LANGS,
    UsageError,
    deck_named,
    one_line,
    reader_lang,
)
from game.cli.decks import (
    cmd_export,
    cmd_import,
    cmd_print,
    cmd_scenarios,
    cmd_schema,
    cmd_template,
    cmd_validate,
)
from game.cli.enter import cmd_enter
from game.cli.parser import build_parser, joined_entries, parse_args, target_amount
from game.cli.play import cmd_play, cmd_report
from game.cli.simulation import cmd_forecast, cmd_simulate
from game.launcher import said_by
from game.messages import Message, render


def _lang_in(argv: Sequence[str]) -> str:
    """The language asked for in ``argv`` before it is parsed (the last ``--lang``: a
    command's own comes after the top-level one), for argparse's own errors; else Danish."""
    lang = "da"
    for index, token in enumerate(argv):
        if token == "--lang" and index + 1 < len(argv):
            lang = argv[index + 1]
        elif token.startswith("--lang="):
            lang = token.partition("=")[2]
    lang = lang.strip().lower()
    return lang if lang in LANGS else "da"


_DANISH_DEFAULT = ("play", "screenshot", "compare")
"""Commands whose ``--lang`` was "da" when not given (the others take the deck's or save's)."""


def _settle_lang(args: argparse.Namespace) -> None:
    """A command's ``--lang``: its own value, else the top-level ``--lang``, else its default
    (for ``play``, the language the window was last switched to)."""
    if not hasattr(args, "lang"):
        return
    if args.lang is None:
        args.lang = getattr(args, "top_lang", None)
    args.lang_given = args.lang is not None  # asked for, not a default: it wins over a save's
    if args.lang is None and args.command == "play":
        # the window speaks the language it was last switched to, and so do the lines
        # printed before it opens ("spillet er allerede åbent …" came in Danish to a window
        # switched to English)
        from game.saves.preferences import preferences_path, read_preferences

        args.lang = read_preferences(preferences_path()).lang
    elif args.lang is None and args.command in _DANISH_DEFAULT:
        args.lang = "da"


def _lazy(module: str, function: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        import importlib

        result: int = getattr(importlib.import_module(module), function)(args)
        return result

    return run


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "validate": cmd_validate,
    "schema": cmd_schema,
    "template": cmd_template,
    "import": cmd_import,
    "export": cmd_export,
    "print": cmd_print,
    "enter": cmd_enter,
    "scenarios": cmd_scenarios,
    "simulate": cmd_simulate,
    "forecast": cmd_forecast,
    "play": cmd_play,
    "screenshot": _lazy("game.ui.screenshot", "run_screenshot"),
    "replay": _lazy("game.saves.commands", "run_replay"),
    "report": cmd_report,
    "compare": _lazy("game.report.commands", "run_compare"),
    "bench": _lazy("game.bench", "run_bench"),
    "balance": _lazy("game.balance.command", "run_balance"),
}


def _normalise(args: argparse.Namespace) -> None:
    """Read the amounts in ``args`` (``--target``) the way the start screen does, in the
    command's language, and bring typed ids to Unicode NFC like the deck's own (a Mac
    terminal may send "æ" decomposed)."""
    if isinstance(getattr(args, "target", None), str):
        args.target = target_amount(args.target, reader_lang(args))
    if isinstance(getattr(args, "scenario", None), str):
        args.scenario = unicodedata.normalize("NFC", args.scenario)
    elif isinstance(getattr(args, "scenario", None), list):  # balance: once per scenario
        args.scenario = [unicodedata.normalize("NFC", item) for item in args.scenario]
    if isinstance(getattr(args, "adopt", None), list):
        args.adopt = [unicodedata.normalize("NFC", item) for item in args.adopt]
    if isinstance(getattr(args, "deck_path", None), str) and hasattr(args, "deck"):
        args.deck = deck_named(args)  # DECK and --deck are one (two different are refused)
    for dest, option in PATH_OPTIONS.items():
        value = getattr(args, dest, None)
        given = value if isinstance(value, list) else [value]
        if any(isinstance(item, str) and not item.strip() for item in given):
            # "" was the current folder to Path: a report written into it, unasked
            if dest == "out" and args.command in ("template", "export"):
                option = "FILE"  # their workbook is an argument, not --out
            raise UsageError(Message.of("cli.empty_path", option=option))


PATH_OPTIONS = {
    "out": "--out",
    "save_dir": "--save-dir",
    "markdown": "--markdown",
    "deck": "--deck",
    "deck_path": "DECK",
    "paths": "DECK",
    "save": "SAVE",
    "saves": "SAVE",
}
"""The options and arguments that name a file or a folder (argparse's ``dest``: as the help
names it): an empty one is refused (``_normalise``). Not ``--resume``: given alone it is ""
(the newest unfinished game)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``raaderum`` console script."""
    from game.content import DeckError

    for stream in (sys.stdout, sys.stderr):  # a path that is not UTF-8 must not crash a print
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    given = joined_entries(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_lang_in(given))
    args = parse_args(parser, given)
    if args.command is None:  # only top-level options: play
        args = parse_args(parser, [*given, "play"])
    _settle_lang(args)
    lang = reader_lang(args)
    try:
        _normalise(args)
        return COMMANDS[args.command](args)
    except DeckError as error:
        for line in error.lines(lang):
            print(line, file=sys.stderr)
        return EXIT_BAD_INPUT
    except UsageError as error:
        print(f"{said_by(args.command)}: {one_line(error.text(lang), lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK
    except OSError as error:  # a path the system refuses (too long, no access, …): a message
        from game.saves.oserrors import os_message

        # the reason alone: whether reading or writing failed is not known here (the deck
        # loader and the writers say which themselves)
        where = f"{one_line(str(error.filename), lang)}: " if error.filename else ""
        reason = render(os_message(error), lang)
        print(f"{said_by(args.command)}: {where}{reason}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
