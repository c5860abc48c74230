"""The ``raaderum`` command line (also ``python -m game``).

Every subcommand's work lives in its own module and is imported only when used, so
``raaderum validate`` never loads pygame and the game window starts fast.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from game.messages import (
    Message,
    catalogue,
    render,
    target_refusal,
    unit_words,
    unknown_scenario,
)
from game.numbers import AmountError, format_amount, format_target, parse_amount

if TYPE_CHECKING:
    from game.content import Problem
    from game.engine import Deck, Scenario
    from game.saves.lock import SaveLock

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


def _say(key: str, **params: Any) -> UsageError:
    """``raise _say("cli.exists", out=…)``: a usage error worded where it is printed."""
    return UsageError(Message.of(key, **params))


def _one_line(text: str, lang: str = "da") -> str:
    """``text`` on one line: a line break or a character one cannot see (a hard space, a
    zero-width space) named in brackets in ``lang``, never as a Python escape."""
    if text.isprintable():
        return text
    from game.content.hidden import named

    return named(text, lang)


_ARGPARSE_DANISH: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.DOTALL), m)
    for p, m in (
        (r"^argument command: invalid choice: (.*) \(choose from (.*)\)$", r"ukendt kommando \1"),
        (r"^the following arguments are required: (.*)$", r"mangler \1"),
        (
            r"^argument (\S+): invalid choice: (.*) \(choose from (.*)\)$",
            r"\1: \2 er ikke et af valgene \3",
        ),
        (r"^argument (\S+): expected one argument$", r"\1 mangler en værdi"),
        (r"^argument (\S+): expected at least one argument$", r"\1 mangler mindst én værdi"),
        (r"^argument (\S+): expected at most one argument$", r"\1 tager højst én værdi"),
        (r"^argument (\S+): ignored explicit argument (.*)$", r"\1 tager ingen værdi (fik \2)"),
        (r"^argument (\S+): invalid \S+ value: (.*)$", r"\1: ugyldig værdi \2"),
        (r"^argument (\S+): not allowed with argument (.*)$", r"\1 kan ikke bruges med \2"),
        (r"^unrecognized arguments: (.*)$", r"ukendte argumenter: \1"),
        (r"^ambiguous option: (\S+) could match (.*)$", r"\1 er tvetydigt: det kan være \2"),
        (r"^argument (\S+): (.*)$", r"\1: \2"),
    )
]
"""argparse's messages (Python 3.10–3.13) in Danish; anything else is shown as it is."""


class _DanishFormatter(argparse.HelpFormatter):
    """argparse's help layout with "brug:" for "usage:" (the rest is worded by
    ``game.messages.cli_help.danish_help``)."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        from game.messages.cli_help import USAGE

        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)


class DanishParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line in the reader's language (``lang``):
    "raaderum play: … (se raaderum play --help)"; argparse's own English in English."""

    def __init__(self, *args: Any, lang: str = "da", **kwargs: Any) -> None:
        if lang == "da":
            kwargs.setdefault("formatter_class", _DanishFormatter)
        super().__init__(*args, **kwargs)
        self.lang = lang

    def error(self, message: str) -> NoReturn:
        if self.lang == "da":
            for pattern, danish in _ARGPARSE_DANISH:
                if pattern.match(message):
                    message = pattern.sub(danish, message)
                    break
        hint = catalogue(self.lang).t("cli.see_help", prog=self.prog)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {_one_line(message, self.lang)} {hint}\n")


def _size(text: str, lang: str = "da") -> tuple[int, int]:
    say = catalogue(lang).t
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(say("cli.size_form", text=text)) from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError(say("cli.size_range"))
    return width, height


def _number(
    low: float, high: float, what: str, *, whole: bool = False, lang: str = "da"
) -> Callable[[str], float | int]:
    """An argparse type that accepts a finite number between ``low`` and ``high``, written the
    Danish way or the English way (``game.numbers.parse_amount``); its errors in ``lang``."""
    say = catalogue(lang).t

    def parse(text: str) -> float | int:
        value: float | int
        try:
            value = int(text.strip()) if whole else parse_amount(text, "da")
        except AmountError as error:
            raise argparse.ArgumentTypeError(error.in_language(lang)) from None
        except ValueError:
            try:
                number = parse_amount(text, "da")
            except AmountError as error:
                raise argparse.ArgumentTypeError(error.in_language(lang)) from None
            if not number.is_integer() or abs(number) > 2**53:
                raise argparse.ArgumentTypeError(say("cli.whole", text=text)) from None
            value = int(number)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                say(
                    "cli.between",
                    what=say(what) if what.startswith("cli.") else what,
                    low=_bound(low, whole, lang),
                    high=_bound(high, whole, lang),
                )
            )
        return value

    return parse


def _bound(value: float, whole: bool, lang: str) -> str:
    """A limit of ``_number`` as the reader writes it; a whole one exactly (2**63 − 1 is
    "9.223.372.036.854.775.807": as a float it became …808, a number itself refused)."""
    if not whole:
        return format_amount(value, lang)
    text = f"{int(value):,}"
    return text.replace(",", ".") if lang == "da" else text


def _timer(text: str, lang: str = "da") -> float | None:
    """Minutes per year: 0 means no timer, otherwise 0.1 to 600."""
    if text.strip() in ("0", "0.0", "0,0"):
        return None
    value: float = _number(0.1, 600, "cli.timer_option", lang=lang)(text)
    return value


LANGS = ("da", "en")


def target_amount(text: str, lang: str = "da") -> float:
    """The facilitator's X from the command line, read like the start screen reads it
    (``game.numbers.parse_amount``: 1.200 is 1200 in Danish, 47,5 is 47,5); raises
    ``UsageError`` with a message in ``lang``."""
    try:
        value = parse_amount(text, lang)
    except AmountError as error:
        raise UsageError(f"--target: {error}") from None
    if value < 0:  # the upper limit follows the deck's unit: ``_warn_target``
        raise _say("cli.target_negative")
    return value


def _add_deck(
    parser: argparse.ArgumentParser,
    scenario_help: str = "scenario id (default: the first)",
    *,
    several: bool = False,
) -> None:
    """``--deck`` and ``--scenario`` (given once, or with ``several`` as often as wanted)."""
    parser.add_argument("--deck", help="deck file or folder (default: the standard deck)")
    parser.add_argument("--scenario", help=scenario_help, action="append" if several else "store")


TARGET_HELP = "the facilitator's X: the last year's target in the deck's unit (e.g. 1200 or 47.5)"
SEED_HELP = "random seed of the games (default: 0)"
PLAY_DESCRIPTION = (
    "Start the game window on its start screen; --scenario, --target or --seed starts a game "
    "at once, without the start screen."
)


def _add_game_options(parser: argparse.ArgumentParser, lang: str = "da") -> None:
    _add_deck(parser)
    parser.add_argument("--target", metavar="X", help=TARGET_HELP)
    seed = _number(0, 2**63 - 1, "--seed", whole=True, lang=lang)  # rules.MAX_SEED
    parser.add_argument("--seed", type=seed, default=None, help="random seed of the game")
    parser.add_argument("--lang", choices=LANGS, default=None, help="language (default: da)")
    size = functools.partial(_size, lang=lang)
    parser.add_argument("--size", type=size, default=None, help="window size, e.g. 1600x900")


def _parse(parser: argparse.ArgumentParser, given: list[str]) -> argparse.Namespace:
    """``parser.parse_args(given)``, but an unknown option after a command is refused by that
    command ("raaderum play: ukendte argumenter: --x (se raaderum play --help)"; argparse
    said "raaderum: …" and pointed to the top-level help)."""
    args, extra = parser.parse_known_args(given)
    if extra:
        commands = next(
            (a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None
        )
        named = commands.choices.get(args.command) if commands and args.command else None
        (named or parser).error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def build_parser(lang: str = "da") -> argparse.ArgumentParser:
    """The argument parser of every subcommand; its help and errors are worded in ``lang``."""
    parser = DanishParser(
        prog="raaderum",
        description="Råderumsspillet – KL's budget game, digital edition.",
        lang=lang,
    )
    from game import __version__

    parser.add_argument("--version", action="version", version=f"raaderum {__version__}")
    parser.add_argument(
        "--lang",
        dest="top_lang",
        choices=LANGS,
        default=None,
        help="language of every message (a command's own --lang wins)",
    )
    sub = parser.add_subparsers(  # type: ignore[call-overload]  # argparse only calls it
        dest="command", parser_class=functools.partial(DanishParser, lang=lang)
    )
    seed = _number(0, 2**63 - 1, "--seed", whole=True, lang=lang)  # rules.MAX_SEED

    play = sub.add_parser(
        "play",
        help="start the game window",
        description=PLAY_DESCRIPTION,
    )
    _add_game_options(play, lang)
    play.add_argument("--fullscreen", action="store_true", help="start in fullscreen")
    play.add_argument(
        "--display",
        type=_number(0, 63, "--display", whole=True, lang=lang),
        default=0,
        help="the display (screen) to open the window on, 0 = the first",
    )
    play.add_argument("--autoplay", choices=("random", "greedy", "planner"), help="let a bot play")
    play.add_argument(
        "--speed",
        type=_number(0.01, 10_000, "--speed", lang=lang),
        default=2.0,
        help="bot decisions per second",
    )
    play.add_argument("--quit-at-end", action="store_true", help="close after the debrief")
    play.add_argument(
        "--resume",
        nargs="?",
        const="",
        default=None,
        metavar="FILE",
        help="continue the newest unfinished game, or FILE",
    )
    play.add_argument(
        "--as-copy",
        action="store_true",
        help="with --resume: when the game is open in another window, continue in a copy",
    )
    play.add_argument(
        "--save-dir",
        help="folder for saves (default: $RAADERUM_HOME/saves, else the user data folder)",
    )
    play.add_argument(
        "--table", default="", help='the table\'s name in its save and the comparison ("Table 3")'
    )
    timer = functools.partial(_timer, lang=lang)
    play.add_argument("--timer", type=timer, default=None, help="minutes per year (0 = none)")

    shot = sub.add_parser("screenshot", help="render a scene to a PNG without a window")
    _add_game_options(shot, lang)
    shot.add_argument(
        "--scene",
        required=True,
        choices=("start", "board", "card", "year", "debrief", "help", "compare", "note"),
        help="the screen to draw",
    )
    shot.add_argument("--out", required=True, help="PNG file to write")

    validate = sub.add_parser("validate", help="check decks; FILE:LINE: message per problem")
    validate.add_argument("paths", nargs="+", metavar="DECK", help="deck files or folders")

    sub.add_parser("schema", help="print the JSON Schema of a deck file")

    template = sub.add_parser("template", help="write the Excel catalogue to fill in (.xlsx)")
    template.add_argument("out", metavar="FILE", help="the workbook to write, e.g. catalogue.xlsx")

    imp = sub.add_parser("import", help="turn a catalogue (.xlsx, or .csv files) into a deck")
    imp.add_argument(
        "paths",
        nargs="+",
        metavar="CATALOGUE",
        help="one .xlsx workbook, or .csv files (one per sheet)",
    )
    imp.add_argument("--out", required=True, help="the new deck folder")

    printing = sub.add_parser("print", help="write the cards, board and sheets to print (HTML)")
    printing.add_argument(
        "deck_path",
        nargs="?",
        default=None,
        metavar="DECK",
        help="deck file or folder (default: the standard deck)",
    )
    # as balance, play, enter and the others take it (a consultant wrote print --deck)
    printing.add_argument("--deck", help="the deck, as the other commands take it (= DECK)")
    printing.add_argument("--scenario", help="scenario id (default: the first)")
    printing.add_argument("--out", required=True, help="the HTML file to write, e.g. cards.html")
    printing.add_argument("--target", metavar="X", default=None, help=TARGET_HELP)
    printing.add_argument(
        "--lang", choices=LANGS, default=None, help="language (default: the deck's)"
    )

    export = sub.add_parser("export", help="write a deck as an Excel catalogue (.xlsx)")
    export.add_argument("deck", metavar="DECK", help="deck file or folder")
    export.add_argument("out", metavar="FILE", help="the workbook to write, e.g. catalogue.xlsx")

    scen = sub.add_parser("scenarios", help="list the scenarios of a deck")
    scen.add_argument("--deck", help="deck file or folder (default: the standard deck)")
    scen.add_argument(
        "deck_path",
        nargs="?",
        metavar="DECK",
        help="the deck, as validate and print take it (the same as --deck)",
    )

    sim = sub.add_parser("simulate", help="let a bot play many games")
    _add_deck(sim)
    sim.add_argument(
        "--policy",
        choices=("random", "greedy", "savings-first", "no-investment", "invest-first"),
        default="greedy",
        help="the bot's strategy (default: greedy)",
    )
    sim.add_argument(
        "--games",
        type=_number(1, 1_000_000, "--games", whole=True, lang=lang),
        default=200,
        help="games to play (default: 200)",
    )
    sim.add_argument("--seed", type=seed, default=0, help=SEED_HELP)
    sim.add_argument("--target", metavar="X", default=None, help=TARGET_HELP)
    sim.add_argument("--json", action="store_true", help="print JSON instead of the table")

    fc = sub.add_parser("forecast", help="multi-year effect of a set of proposals")
    _add_deck(fc)
    fc.add_argument(
        "--adopt",
        action="append",
        default=[],
        metavar="ID[@ROUND]",
        required=True,
        help=(
            "a proposal (id or title) adopted in ROUND, 1-based, or in a budget year "
            "(skole-luk@2028; default: the first); give it once per proposal"
        ),
    )
    fc.add_argument("--certain", action="store_true", help="every factor = 1 (exact sums)")
    fc.add_argument(
        "--samples",
        type=_number(1, 5_000_000, "--samples", whole=True, lang=lang),
        default=20_000,
        help="draws of chance (default: 20,000)",
    )
    fc.add_argument("--seed", type=seed, default=0, help="random seed of the draws (default: 0)")
    fc.add_argument("--target", metavar="X", default=None, help=TARGET_HELP)
    fc.add_argument("--json", action="store_true", help="print JSON instead of the table")

    rep = sub.add_parser("replay", help="rebuild a saved game and print its state")
    rep.add_argument("save", metavar="SAVE", help="a saved game (.json)")
    rep.add_argument("--json", action="store_true", help="print JSON instead of the table")

    report = sub.add_parser("report", help="write the session report of a saved game")
    report.add_argument("save", metavar="SAVE", help="a saved game (.json)")
    report.add_argument("--out", required=True, help="folder to write into")
    report.add_argument(
        "--lang", choices=LANGS, default=None, help="language (default: the game's)"
    )

    enter = sub.add_parser("enter", help="enter what a paper table chose, as a saved game")
    _add_deck(enter)
    enter.add_argument("--table", required=True, help='the table\'s name, e.g. "Table 3"')
    enter.add_argument(
        "--adopt", action="append", default=[], metavar="ID@ROUND", help="an adopted proposal"
    )
    enter.add_argument(
        "--event", action="append", default=[], metavar="ID@ROUND", help="a drawn event"
    )
    enter.add_argument(
        "--factor",
        action="append",
        default=[],
        metavar="ID=FACTOR",
        help="a hidden factor the table rolled (others are drawn from the seed)",
    )
    enter.add_argument(
        "--seed",
        type=seed,
        default=None,
        help="seed for the factors the table did not enter (default: from the entries)",
    )
    enter.add_argument("--target", metavar="X", default=None, help=TARGET_HELP)
    enter.add_argument(
        "--stopped-after",
        metavar="ROUND",
        default=None,
        help="the last round (or budget year) the table finished, when it did not play them "
        "all: the game is saved unfinished, as a game left in the window",
    )
    written = enter.add_mutually_exclusive_group()
    written.add_argument(
        "--out",
        help="the save file to write (.json); left out: a new file in the window's save "
        "folder, where the compare screen finds it",
    )
    written.add_argument(
        "--save-dir",
        help="a folder to write the table into under a new name, as play --save-dir does "
        "(the conference's folder of saves)",
    )

    compare = sub.add_parser("compare", help="compare the saves of several tables")
    compare.add_argument(
        "saves",
        nargs="+",
        metavar="SAVE",
        help="save files or folders of saves",
    )
    compare.add_argument("--out", required=True, help="folder to write into")
    compare.add_argument("--lang", choices=LANGS, default=None, help="language (default: da)")

    balance = sub.add_parser("balance", help="play a deck with every strategy; what it teaches")
    _add_deck(
        balance,
        scenario_help="scenario id, once per scenario (default: every scenario of the deck)",
        several=True,
    )
    balance.add_argument(
        "--games",
        type=_number(1, 100_000, "--games", whole=True, lang=lang),
        default=2_000,
        help="games per scenario and strategy (default: 2,000)",
    )
    balance.add_argument(
        "--one-sided-games",
        type=_number(1, 100_000, "--one-sided-games", whole=True, lang=lang),
        default=None,
        metavar="N",
        help="games for the look-ahead one-sided strategies (slow; default: --games)",
    )
    balance.add_argument("--seed", type=seed, default=0, help=SEED_HELP)
    balance.add_argument(
        "--workers",
        type=_number(1, 256, "--workers", whole=True, lang=lang),
        default=None,
        help="processes (default: one per core)",
    )
    balance.add_argument("--json", action="store_true", help="print JSON instead of the table")
    balance.add_argument("--markdown", metavar="FILE", help="also write the tables as Markdown")

    bench = sub.add_parser("bench", help="measure speed and memory")
    bench.add_argument("--quick", action="store_true", help="a quick run (fewer repeats)")
    bench.add_argument("--json", action="store_true", help="print JSON instead of the table")
    # "raaderum validate --lang en" as well as "raaderum --lang en validate"
    for command in sub.choices.values():
        if "--lang" not in command._option_string_actions:
            command.add_argument(
                "--lang", choices=LANGS, default=None, help="language (default: da)"
            )
    if lang == "da":
        from game.messages.cli_help import danish_help

        danish_help(parser)
    return parser


def _load(deck_path: str | None) -> Deck:
    from game.content import load_deck
    from game.paths import standard_deck

    return load_deck(Path(deck_path) if deck_path else standard_deck())


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate decks: a summary line per good deck, FILE:LINE: message per problem."""
    from game.content import DeckError, load_deck

    lang = _reader(args)
    status = EXIT_OK
    for path in args.paths:
        warnings: list[Problem] = []
        try:
            deck = load_deck(path, warnings, deep=True)
        except DeckError as error:
            for problem in sorted([*error.problems, *warnings], key=_by_place):
                print(problem.text(lang))
            status = EXIT_BAD_INPUT
            continue
        for warning in warnings:
            print(warning.text(lang))
        print(f"{path}: OK – {deck_summary(deck, lang)}")
    return status


def deck_summary(deck: Deck, lang: str = "da") -> str:
    """ "'Title': 36 forslag (12 besparelser, …) i 8 områder, 14 hændelser, 2 scenarier"."""
    from game.engine import Kind

    say = catalogue(lang).t

    def count(number: int, key: str) -> str:
        return _count(number, say(f"cli.count.{key}.one"), say(f"cli.count.{key}.many"))

    counts = {k: sum(1 for p in deck.proposals if p.kind is k) for k in Kind}
    areas = len({p.area for p in deck.proposals})
    return say(
        "cli.summary",
        title=deck.title,
        proposals=count(len(deck.proposals), "proposal"),
        savings=count(counts[Kind.SAVING], "saving"),
        efficiencies=count(counts[Kind.EFFICIENCY], "efficiency"),
        investments=count(counts[Kind.INVESTMENT], "investment"),
        areas=count(areas, "area"),
        events=count(len(deck.events), "event"),
        scenarios=count(len(deck.scenarios), "scenario"),
    )


def _writable(path: Path) -> Path:
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
        raise _say("cli.cannot_write", file=display_path(path), problem=where)
    return path


def _write_or_say(path: Path, write: Callable[[], None]) -> None:
    """Run ``write``; a file it cannot write (``game.saves.WriteFailed``: a full disk, a
    folder gone read-only) becomes one line naming ``path`` ("katalog.xlsx: dokumentet kunne
    ikke skrives: disken er fuld"), and nothing is left half-written."""
    from game.saves import WriteFailed
    from game.saves.files import display_path

    try:
        write()
    except WriteFailed as error:
        raise _say("cli.file_problem", file=display_path(path), problem=error.said) from None


def _new_workbook(out: str) -> Path:
    """The workbook to write: an .xlsx name that is not taken (a file is never overwritten)
    in a folder that can take it."""
    path = Path(out)
    if path.suffix.lower() != ".xlsx":
        raise _say("cli.xlsx_suffix", out=out)
    if path.exists():
        raise _say("cli.exists", out=out)
    return _writable(path)


def cmd_template(args: argparse.Namespace) -> int:
    """Write the catalogue workbook a budget office fills in."""
    from game.catalogue import write_template

    path = _new_workbook(args.out)
    _write_or_say(path, lambda: write_template(path))
    print(catalogue(_reader(args)).t("cli.template_written", path=path))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """Turn a catalogue into a deck folder; every problem as FILE:SHEET!CELL: message."""
    from game.catalogue import CatalogueError, import_catalogue

    lang = _reader(args)
    try:
        imported = import_catalogue([Path(p) for p in args.paths], Path(args.out))
    except CatalogueError as error:
        for problem in error.lines(lang):
            # a cell is named as FILE:SHEET!C12 (or FILE:C12); a problem without one is
            # said by the command, like any other
            named = _CELL.match(problem) is not None
            said = problem if named else f"raaderum import: {problem}"
            print(_one_line(said, lang), file=sys.stderr)
        for warning in error.warnings:  # what else was found, so one round of fixes does it
            print(_one_line(warning.text(lang), lang), file=sys.stderr)
        return EXIT_BAD_INPUT
    for warning in imported.warnings:
        print(_one_line(warning.text(lang), lang))
    print(f"{args.out}: OK – {deck_summary(imported.deck, lang)}")
    return EXIT_OK


def cmd_print(args: argparse.Namespace) -> int:
    """Write the print-and-play document of a scenario as one self-contained HTML file."""
    from game.printing import document, page_count

    deck = _load(_deck_named(args))
    scenario = _scenario(deck, args.scenario)
    path = Path(args.out)
    if path.suffix.lower() not in (".html", ".htm"):
        raise _say("cli.html_suffix", out=args.out)
    lang = args.lang or (deck.language if deck.language in ("da", "en") else "da")
    if path.is_dir():
        raise _say("cli.is_folder", out=args.out)
    _writable(path)
    _warn_target(deck, scenario, args.target, _reader(args))
    from game.saves.files import check_not_empty, write_file

    text = document(deck, scenario, lang, args.target, _printed_deck(_deck_named(args)))
    html = text.encode("utf-8")
    _write_or_say(
        path, lambda: write_file(path, html, check_not_empty, verb=Message.of("cli.not_written"))
    )
    pages = page_count(deck, scenario)
    say = catalogue(lang).t
    print(say("cli.print_written", path=path, pages=pages, title=scenario.title))
    return EXIT_OK


def cmd_enter(args: argparse.Namespace) -> int:
    """Enter a paper table's game and write it as a save marked as a paper table."""
    from game.numbers import format_against
    from game.saves import GameSettings, SaveError, write_save
    from game.saves.model import PaperTable
    from game.saves.paper import (
        NO_EVENT,
        Extent,
        PaperError,
        by_title,
        drawn_factors,
        entry_examples,
        entry_seed,
        likely_scenario,
        missing_events,
        paper_history,
        parse_entries,
        parse_factors,
        parse_stop,
    )

    deck = _load(args.deck)
    scenario = _scenario(deck, args.scenario)
    if args.out is None:
        # the window's save folder, where "Sammenlign borde" looks (a host's five paper tables
        # written to the current folder were missing from the comparison without a word), or
        # the folder given as play takes it
        from game.paths import saves_dir
        from game.saves import new_save_path

        folder = Path(args.save_dir) if args.save_dir is not None else saves_dir()
        if folder.exists() and not folder.is_dir():
            raise _say("cli.enter.save_dir_file", folder=args.save_dir)
        out = new_save_path(folder)
    else:
        out = Path(args.out)
        if out.is_dir():  # as report and compare take it: a file in it is meant
            raise _say("cli.enter.out_folder", out=args.out, example=str(out / "bord-3.json"))
        if out.suffix.lower() != ".json":
            raise _say("cli.json_suffix", out=args.out)

    def proposal_title(pid: str) -> str:
        return str(deck.proposal(pid).title)

    def event_title(eid: str) -> str:
        return str(deck.event(eid).title)

    _warn_target(deck, scenario, args.target, _reader(args))
    examples = entry_examples(deck, scenario)
    try:
        # a card or an event may be written by its title, a round by its budget year
        entries = parse_entries(
            [_nfc(e) for e in args.event], "--event", scenario.years, examples.event
        )
        entries = by_title(entries, scenario.events, event_title)
        quiet = {r for event, r in entries if event.casefold() in NO_EVENT}
        adopted = parse_entries(
            [_nfc(a) for a in args.adopt], "--adopt", scenario.years, examples.adopt
        )
        factors = parse_factors([_nfc(f) for f in args.factor], examples.factor)
        played = None if args.stopped_after is None else parse_stop(args.stopped_after, scenario)
        table = PaperTable(
            table=" ".join(unicodedata.normalize("NFC", args.table).split()),  # as the window does
            adopted=tuple(by_title(adopted, scenario.proposals, proposal_title)),
            events=tuple((e, r) for e, r in entries if e.casefold() not in NO_EVENT),
            factors=tuple(by_title(factors, scenario.proposals, proposal_title)),
        )
        # the same sheet entered twice gives the same game, unless the host gives a seed
        seed = args.seed
        if seed is None:
            seed = entry_seed(deck, scenario, table, args.target)
        settings = GameSettings(scenario.id, seed, args.target, "da")
        extent = Extent(frozenset(quiet), played)
        history = paper_history(deck, settings, table, extent)
        missing = missing_events(deck, scenario, table, extent)
        if missing:
            raise PaperError(missing)
        if args.out is not None and out.exists():  # after the sheet: every problem in one go
            raise _say("cli.exists", out=args.out)
    except PaperError as error:
        lang = _reader(args)
        for problem in error.lines(lang):
            print(f"raaderum enter: {_one_line(problem, lang)}", file=sys.stderr)
        if args.out is not None and out.exists():
            said = catalogue(lang).t("cli.exists", out=args.out)
            print(f"raaderum enter: {said}", file=sys.stderr)
        if args.scenario is None and len(deck.scenarios) > 1:
            # the deck's first scenario was taken: perhaps the table played another one
            said = catalogue(lang).t(
                "cli.enter.which_scenario",
                id=scenario.id,
                title=scenario.title,
                known=", ".join(s.id for s in deck.scenarios),
                other=likely_scenario(deck, scenario, args.adopt, args.event),
            )
            print(f"raaderum enter: {said}", file=sys.stderr)
        return EXIT_BAD_INPUT
    from game.saves.listing import tables_named

    # a sheet typed in twice counts as two tables in the comparison: said before it is saved
    already = [
        i.path for i in tables_named(out.parent, table.table, scenario.title) if i.path != out
    ]
    try:
        write_save(out, deck, settings, history, paper=table)
    except SaveError as error:
        raise _save_problem(error) from None
    if already:
        said = catalogue(_reader(args)).t(
            "cli.enter.name_taken",
            table=table.table,
            files=", ".join(p.name for p in already),
            out=out.name,
        )
        print(f"raaderum enter: {said}", file=sys.stderr)
    from game.engine import raaderum, verdict

    state = history.current
    won = verdict(state).won
    totals = raaderum(state)
    lang = _reader(args)
    say = catalogue(lang).t
    begun = len(state.results) if not state.finished else scenario.rounds
    years = ", ".join(
        f"{year}: {format_against(v, t, lang) if i < begun else '–'}/{format_target(t, lang)}"
        for i, (year, v, t) in enumerate(zip(scenario.years, totals, state.targets))
    )
    result = say(
        "cli.enter.won" if won else "cli.enter.lost" if state.finished else "cli.enter.open"
    )
    print(
        say(
            "cli.enter.saved",
            out=out,
            table=table.table,
            result=result,
            years=years,
            unit=unit_words(deck.unit, lang),
        )
    )
    if state.finished and not won:  # why, as the debrief says (lost on service, say)
        for reason in catalogue(lang).verdict_reasons(verdict(state)):
            print(f"  {reason}")
    drawn = [
        f"{card} {format_amount(factor, lang)}" for card, factor in drawn_factors(state, table)
    ]
    if drawn:
        print(say("cli.enter.drawn_factors", factors="; ".join(drawn), seed=seed))
    from game.engine import die_table

    for card, factor in table.factors:  # a typo is not on the card's die
        proposal = deck.proposal(card)
        faces = sorted({band.factor for band in die_table(proposal.uncertainty, proposal.failure)})
        if all(abs(factor - face) > 1e-9 for face in faces):
            shown = " · ".join(format_amount(face, lang) for face in faces)
            factor_text = format_amount(factor, lang, decimals=3)  # 1,04 is not the die's 1
            print(say("cli.enter.factor_off_die", card=card, factor=factor_text, faces=shown))
    return EXIT_OK


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_CELL = re.compile(r"^.+:([^:!]+!)?[A-Z]{1,3}[0-9]+(:[A-Z]{1,3}[0-9]+)?: ")
"""A catalogue problem that names its cell: "katalog.xlsx:Forslag!C12: …", "forslag.csv:E3: …"."""


def cmd_export(args: argparse.Namespace) -> int:
    """Write a deck as a catalogue workbook."""
    from game.catalogue import export_deck

    path = _new_workbook(args.out)
    _write_or_say(path, lambda: export_deck(Path(args.deck), path))
    print(catalogue(_reader(args)).t("cli.export_written", path=path))
    return EXIT_OK


def _by_place(problem: Problem) -> tuple[str, int]:
    return (problem.file, problem.line)


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of a deck file."""
    from game.content.schema import json_schema_text

    sys.stdout.write(json_schema_text())
    return EXIT_OK


def _deck_named(args: argparse.Namespace) -> str | None:
    """The deck a command was given as DECK or as --deck (the same twice is fine; two
    different decks are refused, ``cli.two_decks``); None: the standard deck."""
    if args.deck_path is not None and args.deck is not None and args.deck_path != args.deck:
        raise _say("cli.two_decks", first=args.deck_path, second=args.deck)
    return str(args.deck_path) if args.deck_path is not None else args.deck


def _printed_deck(named: str | None) -> str | None:
    """The deck as the result sheet's `enter` command names it: a whole path, so that the
    command works from any folder the host types it in (decks/standard, as the README
    writes it, only worked from the project's folder); None for the standard deck, which
    the command finds by itself."""
    if named is None:
        return None
    path = Path(named).expanduser().resolve()
    from game.paths import standard_deck

    return None if path == standard_deck().resolve() else str(path)


def cmd_scenarios(args: argparse.Namespace) -> int:
    """List a deck's scenarios."""

    deck = _load(_deck_named(args))
    lang = _reader(args)
    say = catalogue(lang).t
    print(f"{deck.title}")
    for s in deck.scenarios:
        target = "/".join(format_target(t, lang) for t in s.target)
        first, last = s.years[0], s.years[-1]
        shown = f"{s.id:<16}"
        print(
            say(
                "cli.scenario_line",
                id=shown,
                title=s.title,
                first=first,
                last=last,
                target=target,
                unit=unit_words(deck.unit, lang),
            )
        )
    return EXIT_OK


def _scenario(deck: Deck, scenario_id: str | None) -> Scenario:
    try:
        return deck.scenario(scenario_id)
    except KeyError:
        raise UsageError(unknown_scenario(deck, scenario_id)) from None


def _warn_target(deck: Deck, scenario: Scenario, target: float | None, lang: str) -> None:
    """A warning on stderr when the facilitator's X is ten times smaller or larger than the
    scenario's own last target: 25 typed for a deck in t. kr. (25.000 kr.) was meant as
    25 mio. kr., and 2.000 for a scenario that asks 28 mio. kr. was meant as 2; or when it is
    above what the pile can meet without luck (``game.engine.reach``). Raises
    ``UsageError`` for an X over the deck's limit (``target_refusal``)."""
    refused = target_refusal(deck, target, lang)
    if refused is not None:
        raise UsageError(refused)
    from game.engine import target_far

    if target is None:
        return
    if target_far(scenario, target):
        key, said = "cli.target_far", {"own": format_amount(scenario.target[-1], lang)}
    else:
        from game.engine.reach import out_of_reach  # the solver loads when an X is given

        most = out_of_reach(deck, scenario.id, target)
        if most is None:
            return
        key, said = "cli.target_reach", {"most": format_amount(most, lang)}
    unit = unit_words(deck.unit, lang)
    line = catalogue(lang).t(key, target=format_target(target, lang), unit=unit, **said)
    print(line, file=sys.stderr)


def _target_line(deck: Deck, scenario: Scenario, target: float | None, lang: str) -> str:
    """ "Mål pr. år: 3 / 11 / 25 / 45 mio. kr." – the targets a run plays against."""
    from game.engine.rules import scaled_targets

    targets = scaled_targets(scenario.target, target) if target is not None else scenario.target
    shown = " / ".join(format_target(t, lang) for t in targets)
    return catalogue(lang).t("cli.sim.targets", targets=shown, unit=unit_words(deck.unit, lang))


def cmd_simulate(args: argparse.Namespace) -> int:
    """Let a bot play many games and report wins and loss reasons."""
    from game.engine.simulate import simulate

    deck = _load(args.deck)
    scenario = _scenario(deck, args.scenario)
    _warn_target(deck, scenario, args.target, _reader(args))
    result = simulate(deck, scenario.id, args.policy, args.games, args.seed, args.target)
    if args.json:
        from game.engine.rules import scaled_targets

        played = (
            scaled_targets(scenario.target, args.target)
            if args.target is not None
            else scenario.target
        )
        # the targets the bots played against, in the deck's unit
        data = {**result.to_dict(), "unit": deck.unit, "targets": list(played)}
        print(json.dumps(data, ensure_ascii=False))
        return EXIT_OK
    from game.numbers import format_amount, format_percent

    lang = _reader(args)
    say = catalogue(lang).t
    title, policy, games = scenario.title, args.policy, args.games
    print(say("cli.sim.head", title=title, id=scenario.id, policy=policy, games=games))
    print(_target_line(deck, scenario, args.target, lang))
    print(say("cli.sim.won", wins=result.wins, percent=format_percent(result.win_rate, lang)))
    for reason, count in result.losses.items():
        print(say("cli.sim.lost", reason=say(f"cli.sim.reason.{reason}"), count=count))
    if sum(result.losses.values()) > args.games - result.wins:
        print(say("cli.sim.several_reasons"))  # the lines add up to more than the lost games
    for year, amount in zip(scenario.years, result.mean_raaderum):
        shown = format_amount(amount, lang)
        print(say("cli.sim.mean", year=year, amount=shown, unit=unit_words(deck.unit, lang)))
    return EXIT_OK


def _plan_items(deck: Deck, scenario: Scenario, items: Sequence[str]) -> list[str]:
    """``--adopt`` entries as ``parse_plan`` reads them (``ID@ROUND``), written the ways
    ``raaderum enter`` takes them too: a card by its title or by the id the budget office's
    workbook spelt ("Luk den mindste landsbyskole@2"), and a round by its budget year
    ("skole-luk@2028") – a budget office's plan says years, not rounds."""
    from game.saves.paper import by_title

    parts = [item.rpartition("@") if "@" in item else (item, "", "") for item in items]
    cards = by_title(
        [(card.strip(), n) for n, (card, _, _) in enumerate(parts)],
        scenario.proposals,
        lambda pid: deck.proposal(pid).title,
    )
    years = [year.strip() for year in scenario.years]
    written = []
    for (card, _), (_, at, when) in zip(cards, parts):
        when = when.strip()
        if when in years:
            when = str(years.index(when) + 1)
        written.append(f"{card}{at}{when}")
    return written


def cmd_forecast(args: argparse.Namespace) -> int:
    """The multi-year effect of a set of proposals (the deck author's calculator)."""
    from game.engine.forecast import forecast_plan
    from game.engine.rules import scaled_targets
    from game.planning import PlanError, parse_plan

    deck = _load(args.deck)
    scenario = _scenario(deck, args.scenario)
    try:
        plan = parse_plan(deck, scenario, _plan_items(deck, scenario, args.adopt))
    except PlanError as error:
        raise _say(error.key, **error.params) from None
    _warn_target(deck, scenario, args.target, _reader(args))
    target = scaled_targets(scenario.target, args.target) if args.target is not None else None
    result = forecast_plan(
        deck,
        scenario,
        plan,
        target=target,
        samples=args.samples,
        seed=args.seed,
        certain=args.certain,
    )
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
        return EXIT_OK
    from game.numbers import format_amount, format_percent

    lang = _reader(args)
    say = catalogue(lang).t

    from game.content.schema import unit_scale

    places = 0 if unit_scale(deck.unit) >= 1000 else 1  # one column, one precision

    def amount(value: float) -> str:
        return format_amount(round(value, places), lang, decimals=places)

    samples = format_amount(result.samples, lang, decimals=0)
    count = "one" if len(plan) == 1 else "many"
    unit = unit_words(deck.unit, lang)
    head = f"cli.fc.head.{count}"
    print(say(head, title=scenario.title, count=len(plan), samples=samples, unit=unit))
    p10, p50, p90 = (format_percent(share, lang) for share in (0.1, 0.5, 0.9))
    year_head, target_head = say("cli.fc.year"), say("cli.fc.target")
    print(
        f"{year_head:>6} {target_head:>8} {say('cli.fc.expected'):>10} {p10:>8} {p50:>8} {p90:>8}"
    )
    for i, year in enumerate(result.years):
        print(
            f"{year:>6} {format_target(result.target[i], lang):>8} "
            f"{amount(result.expected[i]):>10} {amount(result.p10[i]):>8} "
            f"{amount(result.p50[i]):>8} {amount(result.p90[i]):>8}"
        )
    print(say("cli.fc.probability", percent=format_percent(result.probability, lang)))
    return EXIT_OK


def _resume_target(args: argparse.Namespace, folder: Path) -> Path | None:
    """The save ``--resume`` continues (None: let the window say there is none). Raises
    ``UsageError`` for a damaged or unreadable save, naming the older game it could resume."""
    from game.saves import SaveError, choose_resume, read_save

    if args.resume:
        path = Path(args.resume)
        try:
            read_save(path)
        except SaveError as error:
            raise _save_problem(error) from None
        return path
    choice = choose_resume(folder)
    if choice.said is not None:
        raise UsageError(choice.said)
    for note in choice.said_notes:
        print(f"raaderum play: {render(note, _reader(args))}", file=sys.stderr)
    return choice.path


def _lock_for_play(args: argparse.Namespace, path: Path, folder: Path) -> tuple[SaveLock, Path]:
    """Take the lock of the save to resume, or (with ``--as-copy``) continue in a copy when
    another window has it – next to the save unless ``--save-dir`` is given; returns the lock
    and the save to play. Raises ``UsageError``."""
    from game.saves import SaveError, SaveLocked, copy_save, open_for_writing
    from game.saves.files import display_path

    blocked: SaveError
    try:
        return open_for_writing(path), path
    except SaveLocked as error:
        if not args.as_copy:
            shown = display_path(path)
            raise _say("cli.locked", problem=_file_problem(error), path=shown) from None
        blocked = error
    except SaveError as error:
        if not args.as_copy:
            raise _say("cli.use_copy", problem=_file_problem(error)) from None
        blocked = error
    # the copy goes next to the save (a conference's shared folder), unless --save-dir says
    # where; a folder the copy cannot be written in falls back to the save folder
    places = [folder] if getattr(args, "save_dir", None) else [path.parent, folder]
    for place in places:
        try:
            copy = copy_save(path, place)
            lock = open_for_writing(copy)
            break
        except SaveError as error:
            if place == places[-1]:
                raise _save_problem(error) from None
    said = Message.of("cli.in_copy", reason=blocked.said, path=display_path(copy))
    print(f"raaderum play: {render(said, _reader(args))}", file=sys.stderr)
    return lock, copy


def cmd_play(args: argparse.Namespace) -> int:
    """``raaderum play``: check the save folder (and with ``--resume`` the save and its lock)
    before the window opens, then run the window. Exit 2 with a Danish line on a problem,
    3 when the game ended unsaved (see ``game.ui.app``)."""
    from game.saves import folder_problem
    from game.ui.launch import save_folder

    folder = save_folder(args)
    problem = folder_problem(folder)
    if problem is not None:
        from game.saves.files import display_path

        where = Message.of(
            "cli.file_problem", file=display_path(problem.path), problem=problem.said
        )
        raise _say("cli.other_folder", problem=where)
    lock = None
    if args.resume is not None:
        path = _resume_target(args, folder)
        if path is not None:
            lock, path = _lock_for_play(args, path, folder)
            args.resume = str(path)
    try:
        from game.ui.launch import play

        return play(args)
    finally:
        if lock is not None:
            lock.release()


def _file_problem(error: Any) -> Message:
    """A ``SaveError`` as a message: "FILE: reason"."""
    from game.saves.files import display_path

    return Message.of("cli.file_problem", file=display_path(error.path), problem=error.said)


def _save_problem(error: Any) -> UsageError:
    """A ``SaveError`` as a usage error, worded where it is printed."""
    return UsageError(_file_problem(error))


def _reader(args: argparse.Namespace) -> str:
    """The language of the command's messages: its own ``--lang``, else the top-level one,
    else Danish."""
    lang = getattr(args, "lang", None) or getattr(args, "top_lang", None)
    return lang if lang in LANGS else "da"


def _lang_in(argv: Sequence[str]) -> str:
    """The language asked for in ``argv`` before it is parsed (the last ``--lang``: a
    command's own comes after the top-level one), for argparse's own errors; else Danish."""
    lang = "da"
    for index, token in enumerate(argv):
        if token == "--lang" and index + 1 < len(argv):
            lang = argv[index + 1]
        elif token.startswith("--lang="):
            lang = token.partition("=")[2]
    return lang if lang in LANGS else "da"


_DANISH_DEFAULT = ("play", "screenshot", "compare")
"""Commands whose ``--lang`` was "da" when not given (the others take the deck's or save's)."""


def _settle_lang(args: argparse.Namespace) -> None:
    """A command's ``--lang``: its own value, else the top-level ``--lang``, else its default."""
    if not hasattr(args, "lang"):
        return
    if args.lang is None:
        args.lang = getattr(args, "top_lang", None)
    args.lang_given = args.lang is not None  # asked for, not a default: it wins over a save's
    if args.lang is None and args.command in _DANISH_DEFAULT:
        args.lang = "da"


def cmd_report(args: argparse.Namespace) -> int:
    """``raaderum report``: the report, with board.png drawn off-screen by the game window's
    own renderer (handed in, so ``game.report`` draws nothing itself)."""
    from game.report.commands import run_report
    from game.ui.app import report_board

    return run_report(args, board_picture=report_board)


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
        args.target = target_amount(args.target, _reader(args))
    if isinstance(getattr(args, "scenario", None), str):
        args.scenario = unicodedata.normalize("NFC", args.scenario)
    elif isinstance(getattr(args, "scenario", None), list):  # balance: once per scenario
        args.scenario = [unicodedata.normalize("NFC", item) for item in args.scenario]
    if isinstance(getattr(args, "adopt", None), list):
        args.adopt = [unicodedata.normalize("NFC", item) for item in args.adopt]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``raaderum`` console script."""
    from game.content import DeckError

    for stream in (sys.stdout, sys.stderr):  # a path that is not UTF-8 must not crash a print
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    given = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_lang_in(given))
    args = _parse(parser, given)
    if args.command is None:  # only top-level options: play
        args = _parse(parser, [*given, "play"])
    _settle_lang(args)
    lang = _reader(args)
    try:
        _normalise(args)
        return COMMANDS[args.command](args)
    except DeckError as error:
        for line in error.lines(lang):
            print(line, file=sys.stderr)
        return EXIT_BAD_INPUT
    except UsageError as error:
        print(f"raaderum {args.command}: {_one_line(error.text(lang), lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK
    except OSError as error:  # a path the system refuses (too long, no access, …): a message
        from game.saves.oserrors import os_message

        # the reason alone: whether reading or writing failed is not known here (the deck
        # loader and the writers say which themselves)
        where = f"{_one_line(str(error.filename), lang)}: " if error.filename else ""
        reason = render(os_message(error), lang)
        print(f"raaderum {args.command}: {where}{reason}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
